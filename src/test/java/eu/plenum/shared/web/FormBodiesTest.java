package eu.plenum.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.plenum.shared.PlenumException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormBodiesTest {

    private static MultivaluedMap<String, String> parse(String body) {
        return FormBodies.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void wellFormedPairsAreDecodedInOrder() {
        MultivaluedMap<String, String> form = parse("title=Caf%C3%A9+talk&speakers=Ada&speakers=Bob&&empty=&flag&x=a%3Db");
        assertEquals(List.of("Café talk"), form.get("title"));
        assertEquals(List.of("Ada", "Bob"), form.get("speakers"));
        assertEquals(List.of(""), form.get("empty"));
        assertEquals(List.of(""), form.get("flag"));
        assertEquals(List.of("a=b"), form.get("x"));
        assertEquals(0, parse("").size());
        assertEquals(0, parse("&&&").size());
        assertEquals(List.of("Café"), FormBodies.parse("t=Caf%E9".getBytes(StandardCharsets.US_ASCII), StandardCharsets.ISO_8859_1).get("t"),
                "the charset a client names (RestAssured's default is ISO-8859-1)");
    }

    @Test
    void aMalformedPairIsA400() {
        for (String body : List.of("=", "=x", "a=1&=2", "%zz", "a=%", "a=%4", "a=%G1", "a=%FF", "a=%C3%28")) {
            PlenumException refused = assertThrows(PlenumException.class, () -> parse(body), body);
            assertEquals(400, refused.status(), body);
            assertEquals("unreadable-body", refused.problemType(), body);
        }
        assertThrows(PlenumException.class, () -> FormBodies.parse(new byte[] {(byte) 0xFF, (byte) 0xFE, 0}), "raw bytes that are not UTF-8");
        assertEquals(FormBodies.MAX_PAIRS, parse("a=1&".repeat(FormBodies.MAX_PAIRS)).get("a").size());
        assertThrows(PlenumException.class, () -> parse("a=1&".repeat(FormBodies.MAX_PAIRS + 1)), "one field too many");
    }
}

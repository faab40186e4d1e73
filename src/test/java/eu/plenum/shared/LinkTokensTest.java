package eu.plenum.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final LinkTokens links = new LinkTokens(() -> Optional.of("a-test-key-of-more-than-32-characters"));

    @Test
    void aTokenOpensItsLinkOnlyInItsOwnSpelling() {
        UUID id = UUID.randomUUID();
        String token = links.token("confirm", id, 3);
        assertTrue(links.matches(token, "confirm", id, 3));
        assertEquals(Optional.of(id), links.idOf(token));
        assertFalse(links.matches(token, "confirm", id, 4), "a raised version ends the link");
        assertFalse(links.matches(token, "join", id, 3), "another purpose");

        // 32 bytes are 43 characters whose last carries 4 bits: the 3 other values of its 2 spare bits decode alike.
        int last = ALPHABET.indexOf(token.charAt(42));
        for (int spare = 1; spare < 4; spare++) {
            String respelled = token.substring(0, 42) + ALPHABET.charAt(last ^ spare);
            assertFalse(links.matches(respelled, "confirm", id, 3), respelled + " is not the link's token");
            assertEquals(Optional.empty(), links.idOf(respelled));
        }
    }
}

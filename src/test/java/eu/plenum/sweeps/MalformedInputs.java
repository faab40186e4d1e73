package eu.plenum.sweeps;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The hostile shapes the malformed-input sweep sends: path and query values, header values, whole bodies. */
final class MalformedInputs {

    /** A minimal WHIP/WHEP offer, well-formed SDP. */
    static final String SDP_OFFER = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
            + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendonly\r\na=rtpmap:96 VP8/90000\r\n";

    /** Already percent-encoded path segments and query values: not ids, numbers out of range, encodings that decode to junk. */
    static final List<String> VALUES = List.of("not-a-uuid", "-1", "0", "99999999999999999999", "1e400", "%00", "%25", "%FF%FE",
            "%E2%80%AE%F0%9F%92%A5", "%C3%28", "..%2F..%2Fetc%2Fpasswd", "%20", "null", "2026-13-45T25%3A61", "a".repeat(1000),
            "00000000-0000-0000-0000-000000000000", "%7B%7D", "%27%20OR%201%3D1--");

    static final List<String> ACCEPTS = List.of("application/xml", "garbage", "text/html;q=abc", "*/*;q=2", "application/json;charset=ebcdic",
            "x/y, */*;q=0", ";;;");

    static final List<String> AUTHORIZATIONS = List.of("Bearer", "Bearer ", "Bearer not.a.jwt", "Bearer eyJhbGciOiJub25lIn0.e30.",
            "Basic Zm9vOmJhcg==", "Negotiate x", "Bearer " + "A".repeat(6000), "bearer\tx");

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/json; charset=ebcdic",
            "application/json; charset=utf-16", "multipart/form-data", "garbage", "application/x-www-form-urlencoded", "application/sdp",
            "application/octet-stream");

    /** Header parameters the document declares (Range, relay headers, Referer): values that parse as nothing. */
    static final List<String> HEADER_VALUES = List.of("", "bytes=abc", "bytes=5-1", "bytes=-", "bytes=0-0,0-0,0-0,0-0,0-0,0-0",
            "x".repeat(4000), "%00", "\"", "http://", "1");

    /** Whole JSON bodies that are not what any operation takes. */
    static List<byte[]> jsonBodies() {
        return List.of(bytes(""), bytes("{"), bytes("[]"), bytes("null"), bytes("42"), bytes("\"x\""), bytes("{\"a\":"), bytes("{}"),
                bytes("[".repeat(5000) + "]".repeat(5000)), bytes("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)),
                bytes("\uFEFF{}"), new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                new byte[] {0, 0, 0, 0}, bytes("{\"a\":1,\"a\":2}"), bytes("{\"x\":\"" + "\\u0000".repeat(10) + "\"}"),
                bytes("[" + "1,".repeat(100_000) + "1]"));
    }

    static List<byte[]> formBodies() {
        return List.of(bytes(""), bytes("%zz"), bytes("a=%00"), bytes("="), bytes("&&&"), bytes("a=" + "x".repeat(200_000)),
                new byte[] {(byte) 0xFF, (byte) 0xFE, 0}, bytes("title=%00&start=yesterday&durationMinutes=-1&capacity=99999999999999999999"),
                bytes("selected=not-a-uuid&decision=%00"), bytes("email=%FF&kind=%00&tenantId=..%2F"));
    }

    static List<byte[]> sdpBodies() {
        return List.of(bytes(""), bytes("garbage"), bytes("v=0\r\n"), bytes("v=0\r\n" + "a=x\r\n".repeat(8000)),
                new byte[] {0, 1, 2, 3, (byte) 0xFF}, bytes(SDP_OFFER.replace("96", "99999999999999999999")),
                bytes(SDP_OFFER.replace("m=video 9", "m=video -1")), bytes(SDP_OFFER + "m=\r\n"), bytes("m=video 9 UDP/TLS/RTP/SAVPF 96\r\n"));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private MalformedInputs() {
    }
}

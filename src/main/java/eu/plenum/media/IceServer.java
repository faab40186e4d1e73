package eu.plenum.media;

import java.util.List;

/**
 * One ICE server as a WebRTC peer needs it: its URLs and an ephemeral credential. Rendered as RFC 9725
 * {@code Link} header values, and as an {@code RTCIceServer} dictionary (JSON field names) for pages.
 */
public record IceServer(List<String> urls, String username, String credential) {

    /**
     * The {@code RTCIceServer} list a page passes to {@code new RTCPeerConnection({iceServers})}. Every value
     * is of Plenum's making (a checked URL, digits and hex, base64), so plain quoting is enough.
     */
    public static String json(java.util.Optional<IceServer> server) {
        return server.map(one -> "[{\"urls\":[" + String.join(",", one.urls.stream().map(url -> "\"" + url + "\"").toList())
                + "],\"username\":\"" + one.username + "\",\"credential\":\"" + one.credential + "\"}]").orElse("[]");
    }

    /** One {@code Link} header value per URL (RFC 9725 section 4.4): quoted, so no header injection can pass. */
    public List<String> linkHeaders() {
        return urls.stream().map(url -> "<" + url + ">; rel=\"ice-server\"; username=\"" + username
                + "\"; credential=\"" + credential + "\"; credential-type=\"password\"").toList();
    }
}

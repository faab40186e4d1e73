package eu.plenum.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who the client is: the socket peer, unless the peer is a declared edge or proxy; then the forwarded
 * chain ({@code Forwarded: for=}, else {@code X-Forwarded-For}) is walked from the right, past every
 * declared hop, to the first address no declared hop vouches for. So a client cannot choose its address
 * by sending the header itself, nor by prepending to the header a declared edge appends to.
 */
final class ClientAddresses {

    private final List<Cidr> trusted;

    ClientAddresses(List<Cidr> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    static ClientAddresses of(Optional<List<String>> configured) {
        return new ClientAddresses(configured.orElse(List.of()).stream().filter(text -> !text.isBlank()).map(Cidr::parse).toList());
    }

    /** The client's address for {@code peer} and the request's forwarding headers (each may be null). */
    String resolve(String peer, String forwarded, String xForwardedFor) {
        if (peer == null || !isTrusted(peer)) {
            return peer;
        }
        List<String> chain = forwarded != null ? forwardedFor(forwarded) : xForwardedFor != null ? commaList(xForwardedFor) : List.of();
        String client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Optional<byte[]> hop = Cidr.literal(stripPort(chain.get(i)));
            if (hop.isEmpty()) {
                // "unknown", an obfuscated name or garbage: nothing behind it can be believed.
                return client;
            }
            client = stripPort(chain.get(i)).replace("[", "").replace("]", "");
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    boolean isTrusted(String address) {
        return trusted.stream().anyMatch(block -> block.contains(address));
    }

    private static List<String> commaList(String header) {
        List<String> values = new ArrayList<>();
        for (String part : header.split(",")) {
            if (!part.isBlank()) {
                values.add(part.strip());
            }
        }
        return values;
    }

    /** The {@code for=} values of RFC 7239 elements, in order. */
    private static List<String> forwardedFor(String header) {
        List<String> values = new ArrayList<>();
        for (String element : header.split(",")) {
            for (String pair : element.split(";")) {
                String[] keyValue = pair.strip().split("=", 2);
                if (keyValue.length == 2 && keyValue[0].strip().toLowerCase(Locale.ROOT).equals("for")) {
                    values.add(keyValue[1].strip().replace("\"", ""));
                }
            }
        }
        return values;
    }

    /** {@code 192.0.2.1:4711} → {@code 192.0.2.1}; {@code [2001:db8::1]:4711} → {@code [2001:db8::1]}; bare IPv6 unchanged. */
    private static String stripPort(String value) {
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            return close < 0 ? value : value.substring(0, close + 1);
        }
        int colon = value.indexOf(':');
        return colon > 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
    }
}

package eu.plenum.shared;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Where a staff act came from, for the audit log's "from where": the channel (console page or API) and the
 * client's network — the address the traffic gate decided on, cut to its /24 (IPv4) or /48 (IPv6). The
 * network says from where without putting a person's full address into an append-only chain.
 */
@ApplicationScoped
public class RequestOrigin {

    /** Routing-context key under which the traffic gate puts the client address it decided on. */
    public static final String CLIENT_ADDRESS = "plenum.clientAddress";

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final CurrentVertxRequest request;

    RequestOrigin(CurrentVertxRequest request) {
        this.request = request;
    }

    /** {@code console} for pages, {@code api} for /api, {@code internal} outside a request. */
    public String channel() {
        RoutingContext context = context();
        if (context == null) {
            return "internal";
        }
        return context.normalizedPath().startsWith("/api/") ? "api" : "console";
    }

    /** The client's network, e.g. {@code 192.0.2.0/24}; {@code unknown} when there is no address. */
    public String network() {
        RoutingContext context = context();
        if (context == null) {
            return "unknown";
        }
        Object decided = context.get(CLIENT_ADDRESS);
        String address = decided != null ? decided.toString()
                : context.request().remoteAddress() == null ? null : context.request().remoteAddress().hostAddress();
        return network(address);
    }

    static String network(String address) {
        if (address == null || !LITERAL.matcher(address).matches()) {
            return "unknown";
        }
        try {
            // A literal only (checked above): no name is ever resolved.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress() + (bytes.length == 4 ? "/24" : "/48");
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private RoutingContext context() {
        try {
            return request.getCurrent();
        } catch (RuntimeException outsideRequest) {
            return null;
        }
    }
}

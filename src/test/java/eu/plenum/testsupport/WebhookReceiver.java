package eu.plenum.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP receiver on loopback that records what webhooks deliver to it. */
public final class WebhookReceiver implements AutoCloseable {

    /** One received request. */
    public record Delivery(Map<String, List<String>> headers, String body) {
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> served = new java.util.concurrent.ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                receiver.deliveries.add(new Delivery(exchange.getRequestHeaders(), body));
                // "/fail/<status>" plays a receiver that does not take the request; "/flaky/<n>/…" one that
                // answers 500 to its first n requests, then 204.
                String path = exchange.getRequestURI().getPath();
                int status = 204;
                if (path.startsWith("/fail/")) {
                    status = Integer.parseInt(path.substring(6));
                } else if (path.startsWith("/flaky/")) {
                    int failures = Integer.parseInt(path.split("/")[2]);
                    int seen = receiver.served.computeIfAbsent(path, key -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                    status = seen <= failures ? 500 : 204;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The requests whose {@code header} (case as the JDK server stores it, e.g. "Plenum-event") has this value. */
    public List<Delivery> withHeader(String header, String value) {
        return deliveries.stream().filter(delivery -> delivery.headers().getOrDefault(header, List.of()).contains(value)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package eu.plenum.sweeps;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Raw HTTP for the sweeps (java.net.http): any method, any bytes, no redirects followed, nothing retried. */
final class SweepHttp {

    /** What came back: status, Content-Type (empty if none) and the body as text. */
    record Answer(int status, String contentType, String body) {

        boolean problem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /**
     * The sweeps' own client address (the test JVM has all of 127.0.0.0/8): their thousands of requests use up the
     * rate limits of this address only, never those of 127.0.0.1 that the rest of the suite shares.
     */
    static final InetAddress SOURCE = source();

    static final HttpClient PLAIN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).localAddress(SOURCE)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build();

    private static InetAddress source() {
        try {
            return InetAddress.getByName("127.0.0.93");
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private SweepHttp() {
    }

    static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    /** Sends the request; an IOException (a dropped connection, a reset) is the caller's finding. */
    static Answer send(HttpClient client, String method, String pathAndQuery, Map<String, String> headers, byte[] body)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).timeout(Duration.ofSeconds(90))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<java.io.InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            try (java.io.InputStream stream = response.body()) {
                // An event stream never ends: its status and type are the answer.
                String text = type.startsWith("text/event-stream") ? ""
                        : new String(stream.readNBytes(1_000_000), java.nio.charset.StandardCharsets.UTF_8);
                return new Answer(response.statusCode(), type, text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

package eu.plenum.media.supervisor;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.plenum.media.worker.WorkerProtocol;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The supervisor's side of the control channel: JSON over HTTP to a worker on loopback. */
@ApplicationScoped
public class WorkerControlClient {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** A worker answered with an error, or did not answer. */
    public static final class ControlException extends RuntimeException {
        private final int status;

        ControlException(int status, String message) {
            super(message);
            this.status = status;
        }

        /** The worker's status code; 0 when it did not answer at all. */
        public int status() {
            return status;
        }
    }

    CompletableFuture<WorkerProtocol.Heartbeat> heartbeat(WorkerProcess worker, Duration timeout) {
        HttpRequest request = request(worker, "/heartbeat").timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response ->
                decode(response, WorkerProtocol.Heartbeat.class));
    }

    public <T> T post(WorkerProcess worker, String path, Object body, Class<T> answer) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
            return send(request(worker, path).POST(publisher).header("Content-Type", "application/json").build(), answer);
        } catch (IOException e) {
            throw new ControlException(0, "cannot encode the control request: " + e.getMessage());
        }
    }

    public <T> T put(WorkerProcess worker, String path, Object body, Class<T> answer) {
        try {
            return send(request(worker, path).PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .header("Content-Type", "application/json").build(), answer);
        } catch (IOException e) {
            throw new ControlException(0, "cannot encode the control request: " + e.getMessage());
        }
    }

    public <T> T delete(WorkerProcess worker, String path, Class<T> answer) {
        return send(request(worker, path).DELETE().build(), answer);
    }

    private <T> T send(HttpRequest request, Class<T> answer) {
        try {
            return decode(http.send(request, HttpResponse.BodyHandlers.ofByteArray()), answer);
        } catch (IOException e) {
            throw new ControlException(0, "the media worker did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlException(0, "interrupted while waiting for the media worker");
        }
    }

    private <T> T decode(HttpResponse<byte[]> response, Class<T> answer) {
        try {
            if (response.statusCode() >= 300) {
                String message = response.body().length == 0 ? "status " + response.statusCode()
                        : json.readValue(response.body(), WorkerProtocol.Failure.class).message();
                throw new ControlException(response.statusCode(), message);
            }
            return answer == Void.class || response.body().length == 0 ? null : json.readValue(response.body(), answer);
        } catch (IOException e) {
            throw new ControlException(response.statusCode(), "unreadable answer from the media worker");
        }
    }

    private static HttpRequest.Builder request(WorkerProcess worker, String path) {
        int port = worker.port().getNow(-1);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + worker.secret());
    }
}

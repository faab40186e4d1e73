package eu.plenum.scheduling;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Throughput and latency of the public registration API over real HTTP with the embedded
 * database, and the JVM's memory during it. Prints figures; runs only with -Pbench.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class RegistrationBenchmark {

    private static final int CLIENTS = 16;
    private static final int WARMUP = 500;
    private static final int REQUESTS = 4000;

    @TestHTTPResource("/")
    URL base;

    @Test
    void publicRegistrations() throws Exception {
        Map<String, Object> body = Webinars.sample("Benchmark");
        body.put("registrationMode", "OPEN");
        body.put("capacity", 100000);
        body.put("questions", List.of());
        String id = Webinars.create(Tokens.HOST, body);
        URI target = URI.create(base + "api/public/webinars/" + id + "/registrations");
        // One loopback source address per 200 requests: the per-source registration limit stays out of the figures.
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < (WARMUP + REQUESTS) / 200 + 1; i++) {
            clients.add(HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.2." + (i + 1))).build());
        }
        AtomicInteger counter = new AtomicInteger();
        run(clients, target, counter, WARMUP);
        long rssBefore = rssKb();
        long begin = System.nanoTime();
        long[] latencies = run(clients, target, counter, REQUESTS);
        double seconds = (System.nanoTime() - begin) / 1e9;
        long rssAfter = rssKb();
        Arrays.sort(latencies);
        System.out.printf("BENCH registrations: %d requests, %d clients, %.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                REQUESTS, CLIENTS, REQUESTS / seconds, latencies[REQUESTS / 2] / 1e6, latencies[(int) (REQUESTS * 0.99)] / 1e6,
                latencies[REQUESTS - 1] / 1e6);
        System.out.printf("BENCH memory: JVM RSS %d MB before, %d MB after (test client in the same JVM)%n",
                rssBefore / 1024, rssAfter / 1024);
    }

    private static long[] run(List<HttpClient> clients, URI target, AtomicInteger counter, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                results.add(pool.submit(() -> {
                    int n = counter.incrementAndGet();
                    String json = "{\"name\":\"Bench " + n + "\",\"email\":\"bench" + n + "@example.org\",\"privacyAcknowledged\":true}";
                    HttpRequest request = HttpRequest.newBuilder(target).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build();
                    long start = System.nanoTime();
                    int status = clients.get(n / 200).send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 202) {
                        throw new IllegalStateException("status " + status);
                    }
                    return System.nanoTime() - start;
                }));
            }
            long[] latencies = new long[requests];
            for (int i = 0; i < requests; i++) {
                latencies[i] = results.get(i).get();
            }
            return latencies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long rssKb() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0L);
    }
}

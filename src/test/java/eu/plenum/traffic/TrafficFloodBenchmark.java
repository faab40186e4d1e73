package eu.plenum.traffic;

import eu.plenum.testsupport.PlenumTestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What a flood costs the legitimate users: the latency of public registrations from clients within their
 * limits, first on a quiet node, then while one address floods the same endpoint as fast as
 * {@value #FLOOD_THREADS} connections allow (nearly all of it refused with 429 by the traffic gate).
 * Client and server share the machine's cores, so the flood also competes for CPU. Prints figures; runs
 * only with -Pbench: {@code ./plenum test -Pbench -Dtest=TrafficFloodBenchmark -DskipITs -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@TestProfile(FloodProfile.class)
@WithTestResource(PlenumTestServers.class)
class TrafficFloodBenchmark {

    private static final int FLOOD_THREADS = 16;
    private static final int LEGITIMATE = 300;
    /** Registrations per legitimate address, well under the profile's 20 per 10 minutes. */
    private static final int PER_ADDRESS = 10;

    @Test
    void legitimateLatencyQuietAndUnderAFlood() throws Exception {
        long[] quiet = legitimate(registrations(webinar("Quiet")), "127.0.4.");
        URI flooded = registrations(webinar("Flooded"));
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong serverErrors = new AtomicLong();
        ExecutorService flood = Executors.newFixedThreadPool(FLOOD_THREADS);
        HttpClient flooder = client("127.0.0.33");
        for (int i = 0; i < FLOOD_THREADS; i++) {
            flood.submit(() -> {
                while (flooding.get()) {
                    int status = send(flooder, flooded, "flood" + sent.incrementAndGet() + "@flood.example").statusCode();
                    if (status == 429) {
                        refused.incrementAndGet();
                    } else if (status >= 500) {
                        serverErrors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        Thread.sleep(3000); // the flood at full speed before measuring
        long floodStart = sent.get();
        long began = System.nanoTime();
        long[] underFlood = legitimate(flooded, "127.0.5.");
        double seconds = (System.nanoTime() - began) / 1e9;
        long floodRequests = sent.get() - floodStart;
        flooding.set(false);
        flood.shutdown();
        flood.awaitTermination(2, TimeUnit.MINUTES);
        System.out.printf("%nTRAFFIC FLOOD BENCHMARK (%d legitimate registrations each run, one at a time)%n", LEGITIMATE);
        System.out.printf("quiet:       %s%n", figures(quiet));
        System.out.printf("under flood: %s%n", figures(underFlood));
        System.out.printf("flood: %d requests in %.1f s (%.0f/s) from one address, %d refused with 429, %d server errors in all%n",
                floodRequests, seconds, floodRequests / seconds, refused.get(), serverErrors.get());
    }

    private static long[] legitimate(URI target, String addresses) throws Exception {
        long[] latencies = new long[LEGITIMATE];
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < LEGITIMATE / PER_ADDRESS; i++) {
            clients.add(client(addresses + (i + 1)));
        }
        for (int i = 0; i < LEGITIMATE; i++) {
            long start = System.nanoTime();
            int status = send(clients.get(i / PER_ADDRESS), target, "legit" + i + "-" + System.nanoTime() + "@legit.example").statusCode();
            latencies[i] = System.nanoTime() - start;
            if (status != 202) {
                throw new IllegalStateException("a legitimate registration was answered " + status);
            }
        }
        return latencies;
    }

    private static String figures(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static String webinar(String title) {
        return TrafficFloodTest.webinar(title); // room for 500: each run registers 300 and the flood's first 20
    }

    private static URI registrations(String webinarId) {
        return TrafficFloodTest.registrations(webinarId);
    }

    private static HttpClient client(String localAddress) throws Exception {
        return TrafficFloodTest.client(localAddress);
    }

    private static HttpResponse<String> send(HttpClient client, URI uri, String email) {
        return TrafficFloodTest.send(client, uri, email, null);
    }
}

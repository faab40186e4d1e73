package eu.plenum.compliance.audit;

import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import eu.plenum.testsupport.PlenumTestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Figures for docs/benchmarks.md, "Audit-log append rate"
 * ({@code ./plenum test -Pbench -Dtest=AuditAppendBenchmark -DskipITs -Dsurefire.failIfNoSpecifiedTests=false},
 * {@code -Daudit.bench.appends=2000} per writer): one writer, then two writers at once (each with its own
 * connections, as two app nodes have), every append in its own transaction through the real appender
 * (advisory lock on the head, read head, insert, commit); then one verification of the whole chain.
 * Prints {@code BENCH AUDIT} lines; asserts only that the chain is intact.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class AuditAppendBenchmark {

    @Inject
    AuditTrail trail;
    @Inject
    AuditVerification verification;

    @Test
    void appendRateFromOneAndTwoWriters() throws Exception {
        int appends = Integer.getInteger("audit.bench.appends", 2000);
        run("warm-up", 1, 200);
        run("one writer", 1, appends);
        run("two writers", 2, appends);
        long started = System.nanoTime();
        AuditVerdict verdict = verification.verify();
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("BENCH AUDIT verify entries=%d ms=%d entries/s=%.0f ok=%s%n", verdict.entriesChecked(), ms,
                verdict.entriesChecked() * 1000.0 / Math.max(ms, 1), verdict.ok());
        if (!verdict.ok()) {
            throw new AssertionError(verdict.explanation());
        }
    }

    private void run(String label, int writers, int perWriter) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long[][] latencies = new long[writers][perWriter];
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        long t = System.nanoTime();
                        trail.recordAlone(AuditEntry.of("bench.append", "system:bench-" + writer, "acme")
                                .on("item:" + i).with(Map.of("writer", Integer.toString(writer))));
                        latencies[writer][i] = System.nanoTime() - t;
                    }
                }));
            }
            for (Future<?> each : running) {
                each.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsed = System.nanoTime() - started;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("BENCH AUDIT %s appends=%d seconds=%.2f appends/s=%.0f p50_us=%d p99_us=%d%n", label, all.length,
                elapsed / 1e9, all.length / (elapsed / 1e9), all[all.length / 2] / 1000, all[(int) (all.length * 0.99)] / 1000);
    }
}

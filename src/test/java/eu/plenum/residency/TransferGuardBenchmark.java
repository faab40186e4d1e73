package eu.plenum.residency;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Cost of the residency checks on a hot path, printed, never asserted as a time. Runs only with
 * {@code ./mvnw verify -Pbench} (excluded from the normal test run). Figures go to docs/benchmarks.md.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class TransferGuardBenchmark {

    private static final int WARMUP = 2_000;
    private static final int RUNS = 5_000;

    @Inject
    TransferGuard guard;

    @Inject
    RegionCatalogue catalogue;

    @Test
    void policyDecision() {
        long[] nanos = new long[200_000];
        int allowed = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                Region region = catalogue.require("c", (i & 1) == 0 ? "eu-waw" : "uk-lon");
                allowed += ResidencyPolicy.mayHoldPersonalData(region, Optional.empty()).allowed() ? 1 : 0;
                nanos[i] = System.nanoTime() - start;
            }
        }
        report("policy decision (catalogue lookup + rule)", nanos);
        assertTrue(allowed > 0);
    }

    @Test
    void authorizeWithTransferLog() {
        PersonalDataTransfer transfer = new PersonalDataTransfer("webhook-event", "benchmark", "acme", "bench", "eu-fra", null);
        for (int i = 0; i < WARMUP; i++) {
            guard.authorize(transfer);
        }
        long[] nanos = new long[RUNS];
        long begin = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            guard.authorize(transfer);
            nanos[i] = System.nanoTime() - start;
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        report("authorize + transfer-log insert (own transaction)", nanos);
        System.out.printf("BENCH   throughput: %.0f checks/s on one thread%n", RUNS / seconds);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("BENCH %s: n=%d p50=%.2f us p99=%.2f us max=%.2f us%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3, sorted[sorted.length - 1] / 1e3);
    }
}

package eu.plenum.testsupport.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The long fuzz run (-Pbench): every target for {@code plenum.fuzz.bench-seconds} (default 120), figures printed. */
class FuzzBenchmark {

    @Test
    void fuzzEveryTarget() throws Exception {
        int seconds = Integer.getInteger("plenum.fuzz.bench-seconds", 120);
        List<String> lines = new ArrayList<>();
        for (Class<?> target : FuzzTargets.ALL) {
            JazzerRun.Result result = JazzerRun.run(target, seconds);
            assertTrue(result.passed(), () -> FuzzTargets.describe(result));
            lines.add(String.format("| %s | %d s | %,d | %,d/s |", result.target(), seconds, result.executions(), result.perSecond()));
        }
        System.out.println("| target | time | executions | executions per second |");
        lines.forEach(System.out::println);
    }
}

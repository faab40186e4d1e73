package eu.plenum.testsupport.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bounded fuzz run of the test suite: each target first replays its committed seed and regression corpus,
 * then fuzzes for {@code plenum.fuzz.seconds} (default 4) with Jazzer; a finding fails the build. Part of the
 * default {@code ./plenum test}, from a fixed start ({@code plenum.fuzz.seed}) so that a run is repeatable and the
 * build does not fail on whatever input a random run happens to meet first; new paths are the job of the longer,
 * randomly started {@code FuzzBenchmark}, whose findings become seeds here.
 */
class FuzzTargetsTest {

    static Stream<Class<?>> targets() {
        return FuzzTargets.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void fuzzesWithoutFinding(Class<?> target) throws Exception {
        JazzerRun.Result result = JazzerRun.run(target, Integer.getInteger("plenum.fuzz.seconds", 4),
                Integer.getInteger("plenum.fuzz.seed", 20261208));
        assertTrue(result.passed(), () -> FuzzTargets.describe(result));
        assertTrue(result.executions() > result.seeds(), () -> "fuzzed no input beyond the corpus: " + FuzzTargets.describe(result));
        System.out.printf("fuzz %s: %d executions, %d/s (%d seed files)%n", result.target(), result.executions(), result.perSecond(),
                result.seeds());
    }
}

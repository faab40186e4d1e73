package eu.plenum.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shedding rule: any one saturated resource stops new work; at or below the marks nothing does. */
class SaturationTest {

    private final Saturation marks = new Saturation(Duration.ofSeconds(1), 200, 20);

    @Test
    void atTheMarksWorkIsTaken() {
        assertEquals(Optional.empty(), marks.of(Duration.ofSeconds(1), 200, 20));
    }

    @Test
    void eachSaturatedResourceIsNamed() {
        assertEquals(Optional.of("event-loop"), marks.of(Duration.ofMillis(1001), 0, 0));
        assertEquals(Optional.of("worker-pool"), marks.of(Duration.ZERO, 201, 0));
        assertEquals(Optional.of("database-pool"), marks.of(Duration.ZERO, 0, 21));
    }
}

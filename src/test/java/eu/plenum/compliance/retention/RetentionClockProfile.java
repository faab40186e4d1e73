package eu.plenum.compliance.retention;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * The app with a {@link MovableClock}, small retention batches (so two concurrent runs interleave over
 * many batches) and no scheduled run of its own during the tests.
 */
public class RetentionClockProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("plenum.compliance.retention.batch-size", "2", "plenum.compliance.retention.first-after", "24h",
                "plenum.compliance.retention.every", "24h");
    }
}

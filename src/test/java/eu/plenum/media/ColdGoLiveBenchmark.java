package eu.plenum.media;

import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Go-live with an empty pool (plenum.media.pool-size=0): every room waits for a new worker process. */
@QuarkusTest
@TestProfile(ColdGoLiveBenchmark.EmptyPool.class)
@WithTestResource(PlenumTestServers.class)
class ColdGoLiveBenchmark {

    public static class EmptyPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plenum.media.pool-size", "0");
        }
    }

    @Test
    void coldGoLive() throws Exception {
        try (Browser browser = Browser.launchWithFakeMedia()) {
            WhipPublishers publishers = new WhipPublishers(browser, GoLiveBenchmark.APP + "/");
            List<Double> latencies = GoLiveBenchmark.goLives(publishers, 20, false);
            GoLiveBenchmark.print("cold", latencies);
        }
    }
}

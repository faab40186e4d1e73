package eu.plenum.traffic;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A worker-queue mark below zero: the pool counts as saturated all the time, so every new request is shed. */
public class SheddingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("plenum.traffic.shedding.worker-queue", "-1");
    }
}

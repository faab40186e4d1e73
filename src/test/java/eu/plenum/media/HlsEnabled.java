package eu.plenum.media;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The test profile with HLS transcoders on (the default test profile leaves them off to spare the shared CPU). */
public class HlsEnabled implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("plenum.hls.enabled", "true", "plenum.hls.width", "640", "plenum.hls.height", "360");
    }
}

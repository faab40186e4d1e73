package eu.plenum.shared;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.ExternalDatabase;
import eu.plenum.testsupport.PackagedJar;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A packaged app node refuses to start without the Ed25519 key that signs playback URLs (PackagedJar sets one otherwise). */
class PlaybackKeyStartupIT {

    @Test
    void productionRefusesAMissingPlaybackSigningKey() throws Exception {
        try (ExternalDatabase database = ExternalDatabase.start()) {
            Map<String, String> env = Map.of("PLENUM_PLAYBACK_SIGNING_KEY", "", "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            try (PackagedJar app = PackagedJar.start("playback-key-refused", env, Map.of())) {
                assertNotEquals(0, app.awaitExit());
                assertTrue(app.output().contains("No key for playback URLs: set PLENUM_PLAYBACK_SIGNING_KEY"), app.output());
            }
        }
    }
}

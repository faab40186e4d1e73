package eu.plenum.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.ExternalDatabase;
import eu.plenum.testsupport.PackagedJar;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A packaged app node refuses to start without a key for personal links, or with the public dev/test key. */
class LinkKeyStartupIT {

    @Test
    void productionRefusesAMissingOrPublicLinksKey() throws Exception {
        try (ExternalDatabase database = ExternalDatabase.start()) {
            for (String key : new String[] {"", LinkConfig.DEV_KEY}) {
                Map<String, String> env = Map.of("PLENUM_LINKS_KEY", key, "QUARKUS_DATASOURCE_USERNAME", "postgres",
                        "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
                try (PackagedJar app = PackagedJar.start("links-key-refused", env, Map.of())) {
                    assertNotEquals(0, app.awaitExit());
                    assertTrue(app.output().contains("No key for personal links: set PLENUM_LINKS_KEY"), app.output());
                }
            }
            Map<String, String> env = Map.of("PLENUM_LINKS_KEY", "a-real-secret-of-at-least-32-characters-1234",
                    "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            try (PackagedJar app = PackagedJar.start("links-key-set", env, Map.of())) {
                assertEquals(200, app.awaitReady(), app.output());
            }
        }
    }
}

package eu.plenum.shared;

import eu.plenum.shared.database.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Launcher of the packaged application. Before Quarkus boots it provides the embedded PostgreSQL
 * when no JDBC URL is configured, so that a fresh machine runs Plenum with nothing installed.
 */
@QuarkusMain
public final class PlenumMain {

    private PlenumMain() {
    }

    public static void main(String... args) {
        EmbeddedDatabase.startUnlessConfigured();
        Quarkus.run(args);
    }
}

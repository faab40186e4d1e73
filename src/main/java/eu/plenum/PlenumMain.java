package eu.plenum;

import eu.plenum.media.MediaWorkerProcess;
import eu.plenum.residency.ResidencyConfig;
import eu.plenum.residency.ResidencyStartupCheck;
import eu.plenum.shared.BootConfig;
import eu.plenum.shared.EmbeddedDatabase;
import eu.plenum.shared.NodeRole;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.SmallRyeConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Launcher of the packaged application and of dev mode. Before Quarkus boots, and so before
 * anything connects to a database, it checks the node's roles and the residency declarations,
 * then provides the embedded PostgreSQL when a node that holds personal data has no JDBC URL.
 */
@QuarkusMain
public final class PlenumMain {

    private PlenumMain() {
    }

    public static void main(String... args) {
        SmallRyeConfig config = BootConfig.load(ResidencyConfig.class);
        Set<NodeRole> roles = rolesOrExit(config);
        ResidencyConfig residency = config.getConfigMapping(ResidencyConfig.class);
        List<String> violations = new java.util.ArrayList<>(ResidencyStartupCheck.violations(residency, roles));
        violations.addAll(ResidencyStartupCheck.unrecognisedEnvironment(residency, System.getenv()));
        if (!violations.isEmpty()) {
            refuse("Plenum refuses to start: the residency declarations break the EU-only policy", violations);
        }
        if (roles.equals(EnumSet.of(NodeRole.MEDIA_WORKER))) {
            // A worker is one room's pipeline and nothing else: no Quarkus, no database.
            MediaWorkerProcess.run();
            return;
        }
        if (roles.equals(EnumSet.of(NodeRole.EDGE))) {
            // An edge holds no personal data: no database, not even an embedded one.
            System.setProperty("quarkus.datasource.active", "false");
            System.setProperty("quarkus.hibernate-orm.active", "false");
            System.setProperty("quarkus.flyway.active", "false");
        } else {
            EmbeddedDatabase.startUnlessConfigured();
        }
        Quarkus.run(args);
    }

    private static Set<NodeRole> rolesOrExit(SmallRyeConfig config) {
        try {
            return NodeRole.parseAll(config.getOptionalValues("plenum.roles", String.class).orElse(List.of()));
        } catch (IllegalArgumentException unknown) {
            refuse("Plenum refuses to start", List.of(unknown.getMessage()));
            throw unknown;
        }
    }

    private static void refuse(String headline, List<String> problems) {
        System.err.println(headline + ":");
        problems.forEach(problem -> System.err.println("  - " + problem));
        System.exit(1);
    }
}

package eu.plenum;

import eu.plenum.identity.IdentityStartupCheck;
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
 * anything connects to a database, it checks the node's roles, the residency declarations and
 * (outside dev and test) the identity secrets, then provides the embedded PostgreSQL where a local
 * trial allows it, or refuses a production node that names no database.
 */
@QuarkusMain
public final class PlenumMain {

    private PlenumMain() {
    }

    public static void main(String... args) {
        if ("media-worker".equals(System.getProperty("plenum.roles"))) {
            // A worker started by the supervisor reads no configuration file: its command line says all it needs,
            // and under a user of its own the app's configuration is not even there to read.
            MediaWorkerProcess.run();
            return;
        }
        SmallRyeConfig config = BootConfig.load(ResidencyConfig.class);
        Set<NodeRole> roles = rolesOrExit(config);
        ResidencyConfig residency = config.getConfigMapping(ResidencyConfig.class);
        List<String> violations = new java.util.ArrayList<>(ResidencyStartupCheck.violations(residency, roles));
        violations.addAll(ResidencyStartupCheck.unrecognisedEnvironment(residency, System.getenv()));
        if (!violations.isEmpty()) {
            refuse("Plenum refuses to start: the residency declarations break the EU-only policy", violations);
        }
        if (config.getOptionalValue("plenum.node-id", String.class).isEmpty()) {
            // Unique by default: two nodes on one database must never share an id (live rooms are bound to it).
            System.setProperty("plenum.node-id", eu.plenum.shared.NodeIds.fresh());
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
            // Nor does anyone sign in there, so it holds no OIDC secrets (a third-country pod must carry none).
            System.setProperty("quarkus.oidc.tenant-enabled", "false");
            System.setProperty("quarkus.oidc.api.tenant-enabled", "false");
            // Nor does it manage people: without a server URL the Keycloak admin client is never built (and needs no secret).
            System.setProperty("quarkus.keycloak.admin-client.server-url", "");
            System.setProperty("quarkus.keycloak.admin-client.client-secret", "edge-nodes-manage-nobody");
            // Nor does any scheduled job run there (mail, reminders, retention, erasure: all touch personal data),
            // nor an access log (it would keep client addresses).
            System.setProperty("quarkus.scheduler.enabled", "false");
            System.setProperty("quarkus.http.access-log.enabled", "false");
            List<String> edgeProblems = edgeProblems(config);
            if (!edgeProblems.isEmpty()) {
                refuse("Plenum refuses to start this edge", edgeProblems);
            }
        } else {
            List<String> problems = new java.util.ArrayList<>();
            if (IdentityStartupCheck.appliesTo(config)) {
                problems.addAll(IdentityStartupCheck.violations(config));
            }
            EmbeddedDatabase.missingDatabase(config).ifPresent(problems::add);
            if (!problems.isEmpty()) {
                refuse("Plenum refuses to start", problems);
            }
            EmbeddedDatabase.startUnlessConfigured(config);
        }
        Quarkus.run(args);
    }

    /** An edge checks playback URLs, never mints them, and must know the origin it relays and redirects to. */
    static List<String> edgeProblems(SmallRyeConfig config) {
        List<String> problems = new java.util.ArrayList<>();
        if (config.getOptionalValue("plenum.playback.signing-key", String.class).filter(key -> !key.isBlank()).isPresent()) {
            problems.add("plenum.playback.signing-key is set: an edge holds only plenum.playback.verify-key (it verifies, never mints)");
        }
        if (config.getOptionalValue("plenum.playback.verify-key", String.class).filter(key -> !key.isBlank()).isEmpty()) {
            problems.add("plenum.playback.verify-key (PLENUM_PLAYBACK_VERIFY_KEY) is missing: the origin's Ed25519 public key, X.509 DER in base64");
        }
        if (config.getOptionalValue("plenum.edge.origin-url", String.class).filter(url -> url.startsWith("http")).isEmpty()) {
            problems.add("plenum.edge.origin-url (PLENUM_EDGE_ORIGIN_URL) is missing: the EU origin's URL, e.g. https://plenum.example.eu");
        }
        return problems;
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

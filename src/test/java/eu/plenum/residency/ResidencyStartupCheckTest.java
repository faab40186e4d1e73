package eu.plenum.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.plenum.shared.NodeRole;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The start-up rules, one declaration at a time (the packaged jar's refusals are in ResidencyStartupIT). */
class ResidencyStartupCheckTest {

    private static List<String> check(Map<String, String> properties, Set<NodeRole> roles) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ResidencyConfig.class)
                .withDefaultValues(properties).build();
        return ResidencyStartupCheck.violations(config.getConfigMapping(ResidencyConfig.class), roles);
    }

    @Test
    void euDeclarationsPass() {
        assertEquals(List.of(), check(Map.of("plenum.residency.node-region", "eu-vie",
                "plenum.residency.places.db.kind", "database", "plenum.residency.places.db.region", "eu-vie",
                "plenum.residency.places.backup.kind", "backup-site", "plenum.residency.places.backup.region", "no-osl"),
                Set.of(NodeRole.APP)));
    }

    @Test
    void edgeMayRunInAThirdCountryButAppMayNot() {
        Map<String, String> usNode = Map.of("plenum.residency.node-region", "us-vin");
        assertEquals(List.of(), check(usNode, Set.of(NodeRole.EDGE)));
        assertEquals(List.of("Node region us-vin (Vint Hill, US) is a third country, where personal data may never be "
                + "stored or sent: a node there may run only the edge role, not app, media-worker"),
                check(usNode, Set.of(NodeRole.APP, NodeRole.MEDIA_WORKER, NodeRole.EDGE)));
    }

    @Test
    void aTurnRelayRunsOnlyInTheEuOrEeaEvenWithAnAllowance() {
        assertEquals(List.of(), check(Map.of("plenum.residency.node-region", "eu-fra",
                "plenum.residency.places.turn.kind", "turn-relay", "plenum.residency.places.turn.region", "no-osl"), Set.of(NodeRole.APP)));
        assertEquals(List.of("Place 'turn' (TURN relay) is in uk-lon (London, GB): TURN relays run only in EU/EEA regions"),
                check(Map.of("plenum.residency.node-region", "eu-fra", "plenum.residency.adequate-allowances.uk-lon", "Art. 45 GDPR",
                        "plenum.residency.places.turn.kind", "turn-relay", "plenum.residency.places.turn.region", "uk-lon"),
                        Set.of(NodeRole.APP)));
        assertEquals(1, check(Map.of("plenum.residency.node-region", "eu-fra",
                "plenum.residency.places.turn.kind", "turn-relay", "plenum.residency.places.turn.region", "us-vin"), Set.of(NodeRole.APP)).size());
    }

    @Test
    void adequateNodeNeedsTheOperatorsAllowance() {
        assertEquals(1, check(Map.of("plenum.residency.node-region", "uk-lon"), Set.of(NodeRole.APP)).size());
        assertEquals(List.of(), check(Map.of("plenum.residency.node-region", "uk-lon",
                "plenum.residency.adequate-allowances.uk-lon", "Art. 45 GDPR"), Set.of(NodeRole.APP)));
    }

    @Test
    void environmentThatDeclaresNothingKnownIsRefused() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ResidencyConfig.class)
                .withDefaultValues(Map.of("plenum.residency.places.recordings.kind", "recording-storage",
                        "plenum.residency.places.recordings.region", "eu-fra")).build();
        ResidencyConfig residency = config.getConfigMapping(ResidencyConfig.class);
        assertEquals(List.of(), ResidencyStartupCheck.unrecognisedEnvironment(residency,
                Map.of("PLENUM_RESIDENCY_PLACES_RECORDINGS_REGION", "eu-waw", "PLENUM_RESIDENCY_NODE_REGION", "eu-waw", "PATH", "/bin")));
        assertEquals(List.of("Environment variable PLENUM_RESIDENCY_PLACES_RECORDINGS_BACKUP_REGION declares nothing Plenum "
                + "understands: declare places in config/application.properties (plenum.residency.places.<name>.<property>)"),
                ResidencyStartupCheck.unrecognisedEnvironment(residency, Map.of("PLENUM_RESIDENCY_PLACES_RECORDINGS_BACKUP_REGION", "us-vin")));
    }

    @Test
    void everyOffendingPlaceIsNamed() {
        List<String> problems = check(Map.of(
                "plenum.residency.places.a.kind", "webhook", "plenum.residency.places.a.region", "us-vin",
                "plenum.residency.places.b.kind", "export", "plenum.residency.places.b.region", "xx-nowhere",
                "plenum.residency.places.c.kind", "recording-storage", "plenum.residency.places.c.region", "eu-fra",
                "plenum.residency.places.c.backup-for", "eu-nowhere",
                "plenum.residency.adequate-allowances.zz-top", "whatever"), Set.of(NodeRole.APP));
        assertEquals(List.of(
                "Unknown region code 'zz-top' in plenum.residency.adequate-allowances",
                "Place 'a' (webhook destination) is in us-vin (Vint Hill, US), a third country, where personal data may never be stored or sent",
                "Place 'b' (export destination): unknown region code 'xx-nowhere'",
                "Place 'c' (recording storage): unknown region code 'eu-nowhere' in backup-for"), problems);
    }
}

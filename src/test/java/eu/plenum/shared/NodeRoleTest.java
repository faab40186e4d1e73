package eu.plenum.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Role names in plenum.roles. */
class NodeRoleTest {

    @Test
    void readsKnownRoles() {
        assertEquals(NodeRole.MEDIA_WORKER, NodeRole.fromConfigName(" media-worker "));
        assertEquals(NodeRole.APP, NodeRole.fromConfigName("app"));
        assertEquals(NodeRole.EDGE, NodeRole.fromConfigName("edge"));
    }

    @Test
    void nodeConfigReadsAListAndRefusesAnEmptyOne() {
        assertEquals(java.util.Set.of(NodeRole.APP, NodeRole.EDGE), new NodeConfig(java.util.List.of("edge", "app")).roles());
        assertThrows(IllegalArgumentException.class, () -> new NodeConfig(java.util.List.of(" ")));
    }

    @Test
    void refusesUnknownRoleNamingItAndTheKnownOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> NodeRole.fromConfigName("worker"));
        assertEquals("Unknown Plenum role 'worker' in plenum.roles; known roles: app, media-worker, edge", refused.getMessage());
    }
}

package eu.plenum.sites;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rule that matches a WAL sender to a declared database place (the guard itself: ReplicationTargetGuardIT). */
class StandbyIdentityTest {

    @Test
    void aBareNameMatchesThatApplicationNameFromAnywhere() {
        StandbyIdentity siteB = StandbyIdentity.parse("site_b");
        assertTrue(siteB.matches("site_b", "10.250.0.2"));
        assertTrue(siteB.matches("site_b", null));
        assertFalse(siteB.matches("site_bb", "10.250.0.2"));
        assertFalse(siteB.matches("site.b", "10.250.0.2"), "a dot in the name is a dot, not any character");
        assertFalse(siteB.matches(null, "10.250.0.2"));
    }

    @Test
    void anAddressMakesTheMatchStrict() {
        StandbyIdentity siteB = StandbyIdentity.parse("site_b@10.250.0.2");
        assertTrue(siteB.matches("site_b", "10.250.0.2"));
        assertFalse(siteB.matches("site_b", "10.250.0.1"), "the right name from the wrong machine");
        assertFalse(siteB.matches("site_b", null));
    }

    @Test
    void aStarAndANetworkCoverAClustersInstances() {
        StandbyIdentity cluster = StandbyIdentity.parse("plenum-db-*@10.42.0.0/16");
        assertTrue(cluster.matches("plenum-db-2", "10.42.7.19"));
        assertTrue(cluster.matches("plenum-db-", "10.42.255.255"));
        assertFalse(cluster.matches("plenum-db-2", "10.43.0.1"));
        assertFalse(cluster.matches("other-db-2", "10.42.7.19"));
        assertFalse(cluster.matches("plenum-db-2", "fd00::1"), "another address family never matches");
        assertTrue(StandbyIdentity.parse("replica@fd00:1::/32").matches("replica", "fd00:1:2::9"));
    }

    @Test
    void whatIsNotAnAddressIsRefusedWithoutAskingDns() {
        assertThrows(IllegalArgumentException.class, () -> StandbyIdentity.parse("site_b@db.example.org"));
        assertThrows(IllegalArgumentException.class, () -> StandbyIdentity.parse("site_b@10.0.0.0/33"));
    }
}

package eu.plenum.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.plenum.sites.StandbyLossGuard.Mode;
import org.junit.jupiter.api.Test;

/** What the app reports of Patroni's synchronous mode, which it watches but never changes. */
class StandbyLossUnderPatroniTest {

    @Test
    void aConfirmingStandbyIsSynchronous() {
        assertEquals(Mode.SYNCHRONOUS, StandbyLossGuard.underPatroni("site_b", true));
    }

    @Test
    void strictModeWithoutAStandbyKeepsCommitsWaiting() {
        // synchronous_mode_strict: Patroni sets '*' when no standby is left, and commits wait (policy block).
        assertEquals(Mode.WAITING_FOR_STANDBY, StandbyLossGuard.underPatroni("*", false));
        assertEquals(Mode.WAITING_FOR_STANDBY, StandbyLossGuard.underPatroni("site_b", false));
    }

    @Test
    void anEmptySettingMeansPatroniDegradedToAsynchronous() {
        // synchronous_mode without strict (policy degrade): Patroni empties the setting while no standby is healthy.
        assertEquals(Mode.DEGRADED_ASYNCHRONOUS, StandbyLossGuard.underPatroni("", false));
    }
}

package eu.plenum.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class PrimarySiteGaugeTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PrimarySiteGauge gauge = new PrimarySiteGauge(registry);

    @Test
    void theSameSiteKeepsItsGaugeSoThatNoScrapeFallsBetweenItsRemovalAndReturn() {
        gauge.show("sitea");
        Gauge first = primary("sitea");
        gauge.show("sitea");
        // Re-registering it each second removed the meter first: a scrape in between saw no primary (CI, PrimaryFailoverIT).
        assertSame(first, primary("sitea"), "the gauge must not be replaced while the site stays primary");
        assertEquals(1.0, first.value());
    }

    @Test
    void aNewPrimaryReplacesTheOldSite() {
        gauge.show("sitea");
        gauge.show("siteb");
        assertNull(registry.find("plenum.replication.primary").tag("site", "sitea").gauge(), "the old primary is no longer shown");
        assertEquals(1.0, primary("siteb").value());
    }

    private Gauge primary(String site) {
        return registry.get("plenum.replication.primary").tag("site", site).gauge();
    }
}

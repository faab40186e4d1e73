package eu.plenum.sites;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Objects;

/**
 * {@code plenum_replication_primary{site="…"} 1}: which site's server is primary, as last seen. The
 * gauge is replaced only when the site changes: replacing it on every check (remove, then add) left a
 * moment in which a scrape found no primary at all.
 */
final class PrimarySiteGauge {

    private final MultiGauge gauge;
    private String shown;

    PrimarySiteGauge(MeterRegistry metrics) {
        this.gauge = MultiGauge.builder("plenum.replication.primary")
                .description("1 for the site whose database server is primary (label site: its cluster_name or address)")
                .register(metrics);
    }

    /** Shows {@code site} as the primary; the previous site's row goes away. */
    synchronized void show(String site) {
        if (Objects.equals(site, shown)) {
            return;
        }
        gauge.register(List.of(MultiGauge.Row.of(Tags.of("site", site), 1)), false);
        shown = site;
    }
}

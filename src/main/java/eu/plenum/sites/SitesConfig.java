package eu.plenum.sites;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code plenum.sites.*}: what the app does when the synchronous standby is gone. */
@ConfigMapping(prefix = "plenum.sites")
public interface SitesConfig {

    /** What happens to writes while no synchronous standby confirms them. */
    enum OnStandbyLoss {
        /** Commits wait until a standby is back: RPO 0 always, writes stall meanwhile (PostgreSQL's own behaviour). */
        BLOCK,
        /** After {@link #degradeAfter()} the primary runs asynchronously, with an alert and a visible state, until a standby is back. */
        DEGRADE
    }

    /**
     * Who applies {@link #onStandbyLoss()}: the app itself on plain streaming replication, or Patroni (the two sites'
     * deployment), where {@code block} is Patroni's {@code synchronous_mode_strict} and {@code degrade} its
     * {@code synchronous_mode} alone — Patroni owns {@code synchronous_standby_names} then and the app only watches.
     */
    enum ReplicationManager { APP, PATRONI }

    @WithDefault("block")
    OnStandbyLoss onStandbyLoss();

    @WithDefault("app")
    ReplicationManager replicationManager();

    /** How long commits may wait for a missing standby before the primary is switched to asynchronous. */
    @WithDefault("10s")
    Duration degradeAfter();

    /** How often the primary's replication state is checked. */
    @WithDefault("1s")
    Duration checkEvery();

    /**
     * The primary's {@code synchronous_standby_names} to restore when a standby is back (e.g.
     * {@code FIRST 1 (site_b)}); without it the value found before degrading is restored.
     */
    Optional<String> synchronousStandbyNames();
}

package eu.plenum.sites;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    /** Patroni's REST API, for the console's replication page (its view of the cluster and planned switchovers). */
    Patroni patroni();

    /** {@code plenum.sites.patroni.*}: where the members' REST APIs are and how to reach them (TLS, password). */
    interface Patroni {

        /** The members' REST base URLs ({@code https://10.251.0.1:8008,...}), asked in order; none: no Patroni view. */
        Optional<List<String>> restUrls();

        /** The REST API's user ({@code restapi.authentication.username}). */
        @WithDefault("patroni")
        String username();

        /** Its password (a secret: {@code PLENUM_SITES_PATRONI_PASSWORD}); needed for a switchover. */
        Optional<String> password();

        /** PEM file of the CA that signed the members' REST certificates; none: the JVM's trust store. */
        Optional<Path> caFile();

        /** How long one REST call may take (a member that is cut off must not hold the page). */
        @WithDefault("5s")
        Duration timeout();
    }
}

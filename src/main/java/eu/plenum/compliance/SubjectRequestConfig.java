package eu.plenum.compliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Data-subject requests: the self-service page's limits and the export job's storage and pace. */
@ConfigMapping(prefix = "plenum.compliance.requests")
public interface SubjectRequestConfig {

    /** Self-service asks on the public page {@code /privacy/requests}. */
    SelfService selfService();

    /** The Art. 15 export job and its ZIP files. */
    Exports exports();

    /** How often the sweep closes expired exports, deletes their files and forgets old self-service asks. */
    @WithDefault("10M")
    Duration sweepEvery();

    interface SelfService {

        /** Asks (and so mails) per address per UTC day; more are refused with 429. */
        @WithDefault("3")
        int perAddressPerDay();

        /** Asks one client address may send in a burst, and per {@link #perSourcePeriod()}. */
        @WithDefault("10")
        int perSourceRequests();

        /** The period over which the per-source bucket refills completely. */
        @WithDefault("10M")
        Duration perSourcePeriod();

        /** How long the mailed link proves control of the address. */
        @WithDefault("24H")
        Duration linkValidity();
    }

    interface Exports {

        /** Directory of finished export ZIPs (mode 700, files 600). Shared storage when several app nodes run. */
        @WithDefault(".plenum/exports")
        String dir();

        /** How long a finished ZIP stays downloadable; then the file and the request's address are deleted. */
        @WithDefault("7D")
        Duration keep();

        /** How often each app node looks for a queued export. */
        @WithDefault("2S")
        Duration pollEvery();

        /** A claim older than this is taken over by another node (the claiming node died mid-export). */
        @WithDefault("10M")
        Duration claimTimeout();
    }
}

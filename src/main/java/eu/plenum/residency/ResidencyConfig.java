package eu.plenum.residency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/**
 * Where this node runs and every place that stores or receives personal data. The operator
 * declares them; the start-up check and the transfer guard hold them against the policy.
 */
@ConfigMapping(prefix = "plenum.residency")
public interface ResidencyConfig {

    /** Region code of this node (see deploy/eu-regions/regions.yaml). */
    @WithDefault("eu-fra")
    String nodeRegion();

    /** A region catalogue file to use instead of the packaged deploy/eu-regions/regions.yaml. */
    Optional<String> catalogue();

    /**
     * Adequate regions the operator allows for platform-wide places (mail relay, identity
     * provider, ...): region code → legal basis, e.g. {@code uk-lon=Art. 45 GDPR, Decision 2021/1772}.
     */
    Map<String, String> adequateAllowances();

    /** Every data store and outbound destination, by a name of the operator's choice. */
    Map<String, Place> places();

    /** One declared place. */
    interface Place {

        /** database, recording-storage, backup-site, mail-relay, webhook, export, identity-provider. */
        PlaceKind kind();

        /** Region code where the place is. */
        String region();

        /**
         * Where it is: a folder for storage, a URL prefix for webhook and export destinations
         * (a destination must start with it), a host for relays.
         */
        Optional<String> target();

        /** For recording storage of a backup site: the home region whose recordings it copies. */
        Optional<String> backupFor();
    }
}

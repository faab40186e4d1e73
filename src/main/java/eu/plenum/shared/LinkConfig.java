package eu.plenum.shared;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The key that personal links (confirmation, join) are derived with; see {@link LinkTokens}. */
@ConfigMapping(prefix = "plenum.links")
public interface LinkConfig {

    /** The non-secret key of dev mode and tests; production refuses to start with it. */
    String DEV_KEY = "plenum-dev-and-test-links-key-not-secret";

    /**
     * HMAC-SHA256 key, at least 32 characters (env {@code PLENUM_LINKS_KEY}; {@code ./plenum run}
     * generates one per install). Anyone who knows it can forge every personal link of this
     * installation, so it lives in the node's configuration, never in the database. Changing it
     * ends every link mailed so far. Dev and test use {@link #DEV_KEY}.
     */
    Optional<String> key();
}

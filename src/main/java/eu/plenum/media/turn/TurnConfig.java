package eu.plenum.media.turn;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The secret shared with the TURN servers and how long a minted credential lasts. */
@ConfigMapping(prefix = "plenum.turn")
public interface TurnConfig {

    /** The non-secret key of dev mode and tests; production refuses to start with it. */
    String DEV_SECRET = "plenum-dev-and-test-turn-secret-not-secret";

    /**
     * coturn's {@code static-auth-secret} (env {@code PLENUM_TURN_SECRET}), at least 32 characters; the same on
     * every app node and TURN server. Whoever knows it can mint relay credentials. A production node that
     * declares a TURN relay place refuses to start without it. Dev and test use {@link #DEV_SECRET}.
     */
    Optional<String> secret();

    /** Lifetime of one minted credential (coturn refuses an allocation with an expired one). */
    @WithDefault("1H")
    Duration credentialLifetime();
}

package eu.plenum.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Webhook receivers and the delivery of events to them. */
@ConfigMapping(prefix = "plenum.webhooks")
public interface WebhookConfig {

    /** The non-secret key of dev mode and tests; production refuses to start with it. */
    String DEV_SECRET_KEY = "plenum-dev-and-test-webhooks-secret-key-not-secret";

    /**
     * Key (at least 32 characters; env {@code PLENUM_WEBHOOKS_SECRET_KEY}) under which endpoint secrets
     * are sealed in the database with AES-256-GCM. The server must compute each signature, so secrets
     * cannot be stored hashed; sealed, a copy of the database alone signs nothing. Changing the key makes
     * every stored secret unreadable (rotate the endpoints' secrets then). Dev and test use {@link #DEV_SECRET_KEY}.
     */
    Optional<String> secretKey();

    /** Dev and test only: receivers on loopback and private networks (the test receivers run on 127.0.0.1). */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Receivers must be https (outside dev and test). */
    @WithDefault("true")
    boolean requireHttps();

    /** How often each app node looks for due deliveries (read by the scheduler as {@code plenum.webhooks.dispatch-every}). */
    @WithDefault("2s")
    String dispatchEvery();

    /** Deliveries one node claims at a time. */
    @WithDefault("20")
    int batch();

    /** Attempts before a delivery is DEAD (visible in the endpoint's deliveries). */
    @WithDefault("10")
    int maxAttempts();

    /** Pause after the first failed attempt; it doubles after each further one. */
    @WithDefault("30S")
    Duration retryBase();

    /** The longest pause between two attempts. */
    @WithDefault("6H")
    Duration retryMax();

    /**
     * How long a claim lasts: a node that died mid-delivery leaves the row to others after this. Must
     * exceed one attempt (connect and answer time out after 5 s each), or a slow receiver would get a
     * second copy from another node while the first is still being sent.
     */
    @WithDefault("2M")
    Duration lease();

    /** How long the secret before a rotation still signs (a second {@code v1=}), so receivers can switch over. */
    @WithDefault("24H")
    Duration previousSecretValidity();
}

package eu.plenum.webhooks;

import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Endpoint secrets: made by the server ({@code whsec_} + 256 random bits), shown to the host once, and
 * stored only sealed with AES-256-GCM under {@code plenum.webhooks.secret-key} (never in the database).
 * The endpoint's id is the associated data, so a sealed secret copied onto another endpoint's row does
 * not open. Stored form: {@code v1.<base64 of 12-byte nonce + ciphertext + tag>}.
 */
@ApplicationScoped
class EndpointSecrets {

    private static final String PREFIX = "whsec_";
    private static final String VERSION = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    EndpointSecrets(WebhookConfig config) {
        String configured = config.secretKey().map(String::strip).filter(value -> !value.isEmpty()).orElse(WebhookConfig.DEV_SECRET_KEY);
        if (configured.length() < 32) {
            throw new IllegalStateException("plenum.webhooks.secret-key (PLENUM_WEBHOOKS_SECRET_KEY) must have at least 32 characters.");
        }
        try {
            // The configured text is a high-entropy secret; SHA-256 turns any length of it into an AES-256 key.
            this.key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(configured.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A production app node must not seal secrets under a missing key or the one published in this repository. */
    static void refuseDevKeyInProduction(@Observes StartupEvent started, NodeConfig node, WebhookConfig config) {
        boolean devKey = config.secretKey().map(String::strip)
                .filter(value -> !value.isEmpty() && !value.equals(WebhookConfig.DEV_SECRET_KEY)).isEmpty();
        if (LaunchMode.current() == LaunchMode.NORMAL && node.plays(NodeRole.APP) && devKey) {
            throw new IllegalStateException("No key for webhook secrets: set PLENUM_WEBHOOKS_SECRET_KEY (plenum.webhooks.secret-key) "
                    + "to a random secret of at least 32 characters (e.g. `openssl rand -base64 32`). The dev/test default is "
                    + "public and would let anyone with a copy of the database sign webhook events.");
        }
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String seal(UUID endpointId, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, endpointId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String open(UUID endpointId, String sealed) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("Endpoint " + endpointId + " has a secret in an unknown format");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES), endpointId);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The secret of endpoint " + endpointId + " does not open under plenum.webhooks.secret-key "
                    + "(was the key changed? rotate the endpoint's secret)");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID endpointId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}

package eu.plenum.traffic;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bucket keys as a keyed hash (HMAC-SHA256 of class, kind and value), so that neither memory nor the
 * shared {@code traffic_bucket} table holds a client address or a credential in clear, and nobody
 * without the key can test a guessed address against the table.
 */
final class AddressKeys {

    private final SecretKeySpec key;

    AddressKeys(String secret) {
        this.key = new SecretKeySpec(("traffic-buckets\n" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** 64 hex characters for {@code kind} ("address", "credential") {@code value} in {@code endpointClass}. */
    String of(String endpointClass, String kind, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((endpointClass + "\n" + kind + "\n" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

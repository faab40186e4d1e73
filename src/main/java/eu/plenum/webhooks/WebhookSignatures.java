package eu.plenum.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The headers of every request to a receiver. {@code Plenum-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "t.body">} (as Stripe does): the timestamp is signed with the body, so a receiver can
 * refuse a replayed request by its age; during a rotation a second {@code v1} carries the previous
 * secret's signature. {@code Plenum-Delivery} stays the same across retries (receivers de-duplicate by it).
 * The HMAC key is the secret's text as UTF-8, the whole {@code whsec_…} string.
 */
final class WebhookSignatures {

    private WebhookSignatures() {
    }

    static Map<String, String> headers(UUID deliveryId, String eventType, List<String> secrets, long unixSeconds, String body) {
        StringBuilder signature = new StringBuilder("t=").append(unixSeconds);
        for (String secret : secrets) {
            signature.append(",v1=").append(sign(secret, unixSeconds, body));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Plenum-Signature", signature.toString());
        headers.put("Plenum-Delivery", deliveryId.toString());
        headers.put("Plenum-Event", eventType);
        return headers;
    }

    static String sign(String secret, long unixSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

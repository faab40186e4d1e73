package eu.plenum.media;

import eu.plenum.shared.LinkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived bearer credentials for the WHEP endpoint ({@code vp_…}): the room, an opaque holder
 * reference (an attendee session id, never a name or address) and an expiry, signed with HMAC-SHA256
 * under the node's link key. Whoever admitted the holder (the audience context) mints them; a pass
 * is only needed to start watching, a running connection is ended by {@link Viewing#endFor}.
 */
@ApplicationScoped
public class ViewerPasses {

    static final String PREFIX = "vp_";
    private static final int MAC_BYTES = 20;

    private final SecretKeySpec key;
    private final Clock clock;

    ViewerPasses(LinkConfig config, Clock clock) {
        String configured = config.key().map(String::strip).filter(value -> !value.isEmpty()).orElse(LinkConfig.DEV_KEY);
        this.key = new SecretKeySpec(("viewer-pass:" + configured).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** A pass that lets {@code holder} start watching {@code roomId} within {@code ttl}. */
    public String mint(UUID roomId, UUID holder, Duration ttl) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        ByteBuffer body = ByteBuffer.allocate(16 + 16 + 8);
        body.putLong(roomId.getMostSignificantBits()).putLong(roomId.getLeastSignificantBits());
        body.putLong(holder.getMostSignificantBits()).putLong(holder.getLeastSignificantBits());
        body.putLong(expires);
        byte[] mac = mac(body.array());
        ByteBuffer token = ByteBuffer.allocate(body.capacity() + MAC_BYTES).put(body.array()).put(mac);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** A verified pass: the room it opens and whose it is. */
    public record Pass(UUID roomId, UUID holder, Instant expires) {
    }

    /** The pass if {@code token} is one for {@code roomId}, unforged and unexpired. */
    public Optional<Pass> verify(String token, UUID roomId) {
        return verified(token, roomId).filter(pass -> clock.instant().isBefore(pass.expires()));
    }

    /**
     * The pass if {@code token} is an unforged one for {@code roomId}, expired or not: enough to end the
     * holder's own viewer (a page leaving after its pass ran out), never to start one.
     */
    public Optional<Pass> verifyToEnd(String token, UUID roomId) {
        return verified(token, roomId);
    }

    private Optional<Pass> verified(String token, UUID roomId) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length != 40 + MAC_BYTES) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOf(bytes, 40);
        if (!MessageDigest.isEqual(mac(body), Arrays.copyOfRange(bytes, 40, bytes.length))) {
            return Optional.empty();
        }
        ByteBuffer read = ByteBuffer.wrap(body);
        UUID room = new UUID(read.getLong(), read.getLong());
        UUID holder = new UUID(read.getLong(), read.getLong());
        Instant expires = Instant.ofEpochSecond(read.getLong());
        if (!room.equals(roomId)) {
            return Optional.empty();
        }
        return Optional.of(new Pass(room, holder, expires));
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(body), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}

package eu.plenum.shared;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal links that are derived rather than stored: a token is the record's id followed by an
 * HMAC-SHA256 (key from {@code plenum.links.key}) of purpose, id and a version counter kept in
 * the record. The database holds only the version, so a dump holds no working link; raising the
 * version ends the old link. Mails are queued with a {@link #placeholder} that the dispatcher
 * turns into the token at send time, so the outbox never holds one either.
 */
@ApplicationScoped
public class LinkTokens {

    private static final int ID_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\[\\[plenum-link:([a-z]+):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([0-9]+)]]");

    private final SecretKeySpec key;

    LinkTokens(LinkConfig config) {
        String configured = config.key().map(String::strip).filter(value -> !value.isEmpty()).orElse(null);
        this.key = new SecretKeySpec((configured == null ? LinkConfig.DEV_KEY : configured).getBytes(StandardCharsets.UTF_8),
                "HmacSHA256");
        if (configured != null && configured.length() < 32) {
            throw new IllegalStateException("plenum.links.key (PLENUM_LINKS_KEY) must have at least 32 characters.");
        }
    }

    /** A production app node must not run with a key that is missing or published in this repository. */
    static void refuseDevKeyInProduction(@Observes StartupEvent started, NodeConfig node, LinkConfig config) {
        boolean devKey = config.key().map(String::strip).filter(value -> !value.isEmpty() && !value.equals(LinkConfig.DEV_KEY))
                .isEmpty();
        // Edge nodes and media workers render and check no personal links.
        if (LaunchMode.current() == LaunchMode.NORMAL && node.plays(NodeRole.APP) && devKey) {
            throw new IllegalStateException("No key for personal links: set PLENUM_LINKS_KEY (plenum.links.key) to a random "
                    + "secret of at least 32 characters (e.g. `openssl rand -base64 32`). The dev/test default is public "
                    + "and would let anyone forge join links.");
        }
    }

    /** The token of one link: URL-safe, 43 characters. */
    public String token(String purpose, UUID id, int version) {
        ByteBuffer bytes = ByteBuffer.allocate(ID_BYTES + MAC_BYTES);
        bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        bytes.put(mac(purpose, id, version));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The id a token names, if it has the shape of one; says nothing about whether it is valid. */
    public Optional<UUID> idOf(String token) {
        byte[] bytes = decode(token);
        if (bytes == null) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
    }

    /** Whether {@code token} is the current link for this purpose, id and version (constant time). */
    public boolean matches(String token, String purpose, UUID id, int version) {
        byte[] bytes = decode(token);
        if (bytes == null || !idOf(token).orElseThrow().equals(id)) {
            return false;
        }
        return MessageDigest.isEqual(Arrays.copyOfRange(bytes, ID_BYTES, ID_BYTES + MAC_BYTES), mac(purpose, id, version));
    }

    /** What a queued mail holds instead of the token: names the link, but opens nothing. */
    public static String placeholder(String purpose, UUID id, int version) {
        return "[[plenum-link:" + purpose + ":" + id + ":" + version + "]]";
    }

    /** A queued text with every placeholder replaced by its token, at the moment of sending. */
    public String render(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String token = token(matcher.group(1), UUID.fromString(matcher.group(2)), Integer.parseInt(matcher.group(3)));
            matcher.appendReplacement(out, Matcher.quoteReplacement(token));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private byte[] mac(String purpose, UUID id, int version) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal((purpose + ":" + id + ":" + version).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String token) {
        if (token == null || token.length() != 43) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            // The decoder ignores the last character's two spare bits: four spellings would open one link.
            boolean canonical = bytes.length == ID_BYTES + MAC_BYTES
                    && Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(token);
            return canonical ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

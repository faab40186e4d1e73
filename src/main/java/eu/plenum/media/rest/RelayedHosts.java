package eu.plenum.media.rest;

import eu.plenum.shared.LinkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who a relayed studio request is for: the node that checked the host's session cookie signs the
 * host (tenant and user) together with the method, path, body and time, under a key derived from the
 * installation's link key ({@code plenum.links.key}, shared by its nodes); the owning node believes
 * it only from a node's address, within {@link #VALIDITY}, and once (each nonce is remembered until
 * it is too old to be used anyway). A browser's cookie never leaves the node it was sent to.
 */
@ApplicationScoped
public class RelayedHosts {

    /** The header that carries the signed host. */
    public static final String HEADER = "X-Plenum-Relayed-Host";
    static final Duration VALIDITY = Duration.ofSeconds(30);
    private static final String PURPOSE = "plenum node relay v1";

    /** A host another node vouches for. */
    public record Host(String tenantId, String userId) {
    }

    private final SecretKeySpec key;
    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    @jakarta.inject.Inject
    RelayedHosts(LinkConfig links) {
        this(links.key().filter(value -> !value.isBlank()).orElse(LinkConfig.DEV_KEY), Clock.systemUTC());
    }

    RelayedHosts(String linksKey, Clock clock) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(linksKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                PURPOSE), "HmacSHA256");
        this.clock = clock;
    }

    /** The header value for a request this node relays on behalf of {@code host}. */
    public String sign(String method, String path, byte[] body, Host host) {
        long time = clock.instant().getEpochSecond();
        String nonce = eu.plenum.shared.SecretTokens.next().substring(0, 22);
        String tenant = encode(host.tenantId());
        String user = encode(host.userId());
        return String.join(".", "v1", String.valueOf(time), nonce, tenant, user,
                signature(method, path, body, time, nonce, tenant, user));
    }

    /** The host a relayed request is for, if its header is genuine, fresh and not seen before; empty otherwise. */
    public Optional<Host> verify(String header, String method, String path, byte[] body) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.split("\\.");
        if (parts.length != 6 || !parts[0].equals("v1")) {
            return Optional.empty();
        }
        long time;
        try {
            time = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant at = Instant.ofEpochSecond(time);
        if (at.isBefore(now.minus(VALIDITY)) || at.isAfter(now.plus(VALIDITY))) {
            return Optional.empty();
        }
        String expected = signature(method, path, body, time, parts[2], parts[3], parts[4]);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), parts[5].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        forgetOld(now);
        if (seen.putIfAbsent(parts[2], at) != null) {
            return Optional.empty(); // a replay
        }
        try {
            return Optional.of(new Host(decode(parts[3]), decode(parts[4])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void forgetOld(Instant now) {
        Instant cutOff = now.minus(VALIDITY.multipliedBy(2));
        for (Iterator<Instant> times = seen.values().iterator(); times.hasNext();) {
            if (times.next().isBefore(cutOff)) {
                times.remove();
            }
        }
    }

    private String signature(String method, String path, byte[] body, long time, String nonce, String tenant, String user) {
        String bodyHash;
        try {
            bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String canonical = String.join("\n", method, path, String.valueOf(time), nonce, tenant, user, bodyHash);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, canonical));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String value) {
        return new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
    }
}

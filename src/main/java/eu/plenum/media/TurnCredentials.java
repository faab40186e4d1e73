package eu.plenum.media;

import eu.plenum.media.turn.TurnConfig;
import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.residency.PlaceKind;
import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints coturn REST-API credentials ({@code username = <expiry>:<random id>}, {@code credential =
 * base64(HMAC-SHA1(secret, username))}), so that coturn checks them with the shared secret alone: no
 * account store, and no personal data in the username (the random id names nobody). The relays are the
 * declared {@code turn-relay} places, so the startup residency check has already kept them in the EU.
 */
@ApplicationScoped
public class TurnCredentials {

    private static final int MIN_SECRET_LENGTH = 32;
    /** A relay URL as Plenum hands it out: turn or turns, a host, a port, an optional transport. */
    private static final Pattern RELAY_URL = Pattern.compile("turns?:[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}(\\?transport=(udp|tcp))?");

    private final List<String> urls;
    private final byte[] secret;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @jakarta.inject.Inject
    TurnCredentials(DeclaredPlaces places, TurnConfig config) {
        // A production node without the secret (an edge: it holds none) hands out no relay rather than dev-secret credentials.
        this(config.secret().isEmpty() && LaunchMode.current() == LaunchMode.NORMAL ? List.of() : relayUrls(places.ofKind(PlaceKind.TURN_RELAY)),
                secretOf(config), config.credentialLifetime(), Clock.systemUTC());
    }

    TurnCredentials(List<String> urls, String secret, Duration lifetime, Clock clock) {
        this.urls = List.copyOf(urls);
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Fresh credentials for the declared relays, or nothing when none is declared (peers then use host candidates only). */
    public Optional<IceServer> mint() {
        if (urls.isEmpty()) {
            return Optional.empty();
        }
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        byte[] id = new byte[9];
        random.nextBytes(id);
        String username = expiry + ":" + HexFormat.of().formatHex(id);
        return Optional.of(new IceServer(urls, username, credential(secret, username)));
    }

    /** The credential coturn expects for a username under {@code use-auth-secret}: base64 of HMAC-SHA1. */
    static String credential(byte[] secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is missing from this JDK", e);
        }
    }

    /** Refusals of a production app node: a declared relay without a real secret. Empty when all is well. */
    static Optional<String> problem(boolean relaysDeclared, Optional<String> configured) {
        Optional<String> secret = configured.map(String::strip).filter(value -> !value.isEmpty());
        if (!relaysDeclared) {
            return Optional.empty();
        }
        if (secret.isEmpty() || secret.get().equals(TurnConfig.DEV_SECRET)) {
            return Optional.of("No TURN secret: a turn-relay place is declared, so set PLENUM_TURN_SECRET (plenum.turn.secret) to"
                    + " the static-auth-secret of the TURN servers, at least " + MIN_SECRET_LENGTH + " random characters"
                    + " (e.g. `openssl rand -hex 32`). The dev/test default is public and would let anyone use the relays.");
        }
        if (secret.get().length() < MIN_SECRET_LENGTH) {
            return Optional.of("plenum.turn.secret (PLENUM_TURN_SECRET) is shorter than " + MIN_SECRET_LENGTH + " characters.");
        }
        return Optional.empty();
    }

    static void refuseDevSecretInProduction(@Observes StartupEvent started, NodeConfig node, DeclaredPlaces places, TurnConfig config) {
        if (LaunchMode.current() == LaunchMode.NORMAL && node.plays(NodeRole.APP)) {
            problem(!places.ofKind(PlaceKind.TURN_RELAY).isEmpty(), config.secret()).ifPresent(problem -> {
                throw new IllegalStateException(problem);
            });
        }
    }

    private static String secretOf(TurnConfig config) {
        return config.secret().map(String::strip).filter(value -> !value.isEmpty()).orElse(TurnConfig.DEV_SECRET);
    }

    private static List<String> relayUrls(List<DeclaredPlace> relays) {
        return relays.stream().map(place -> place.target().map(String::strip).filter(RELAY_URL.asMatchPredicate())
                .orElseThrow(() -> new IllegalStateException("plenum.residency.places." + place.name()
                        + ".target must be a TURN URL such as turn:turn.example.eu:3478?transport=udp")))
                .toList();
    }
}

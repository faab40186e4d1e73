package eu.plenum.shared;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Signed, expiring playback URLs (live HLS playlists and segments): {@code exp} (epoch seconds) and
 * {@code sig}, an Ed25519 signature of scope, id and expiry — no personal data. Asymmetric, so that
 * a node holding only the public key (an edge, possibly outside the EU) can check a URL but never
 * make one. Lives in {@code shared}, not in {@code media}: checking needs no database and no room
 * catalogue, and an edge must be able to use it without depending on the media context (which
 * brings the catalogue and the workers).
 */
@ApplicationScoped
public class PlaybackSignatures {

    /** The scope of live HLS URLs of a room only its admitted attendees may watch: origin only. */
    public static final String LIVE = "live";
    /** The scope of live HLS URLs of an open webinar: the only ones an edge serves (and the origin serves to edges). */
    public static final String OPEN_LIVE = "live-open";

    private static final Logger LOG = Logger.getLogger(PlaybackSignatures.class);
    private static final int SIGNATURE_BYTES = 64;
    private static final Pattern EXPIRY = Pattern.compile("[0-9]{1,12}");
    /** Expiries are rounded up to this many seconds, so that viewers of one window share URLs (cacheable). */
    private static final long ROUNDING_SECONDS = 10;

    private final PublicKey verifyKey;
    private final Optional<PrivateKey> signingKey;
    private final Clock clock;
    private final java.time.Duration lifetime;

    @jakarta.inject.Inject
    PlaybackSignatures(PlaybackConfig config, Clock clock) {
        this(keys(config), clock, config.urlLifetime());
    }

    /** For tests and tools: signs (when {@code keys} has a private key) and checks with the given keys. */
    public PlaybackSignatures(KeyPair keys, Clock clock, java.time.Duration lifetime) {
        this.verifyKey = keys.getPublic();
        this.signingKey = Optional.ofNullable(keys.getPrivate());
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A production app node mints playback URLs: it needs the configured private key (dev and test make one). */
    static void refuseMissingKeyInProduction(@Observes StartupEvent started, NodeConfig node, PlaybackConfig config) {
        boolean missing = config.signingKey().map(String::strip).filter(value -> !value.isEmpty()).isEmpty();
        if (LaunchMode.current() == LaunchMode.NORMAL && node.plays(NodeRole.APP) && missing) {
            throw new IllegalStateException("No key for playback URLs: set PLENUM_PLAYBACK_SIGNING_KEY "
                    + "(plenum.playback.signing-key) to an Ed25519 private key, PKCS#8 DER in base64 "
                    + "(`openssl genpkey -algorithm ed25519 -outform DER | base64 -w0`), the same on every app node.");
        }
    }

    /** The query ({@code exp=…&sig=…}) that opens {@code scope}/{@code id} until the URL lifetime from now has passed. */
    public String sign(String scope, UUID id) {
        long wanted = clock.instant().plus(lifetime).getEpochSecond();
        long expires = (wanted + ROUNDING_SECONDS - 1) / ROUNDING_SECONDS * ROUNDING_SECONDS;
        return sign(scope, id, Instant.ofEpochSecond(expires));
    }

    /** The query that opens {@code scope}/{@code id} until {@code expires}. */
    public String sign(String scope, UUID id, Instant expires) {
        PrivateKey key = signingKey.orElseThrow(() -> new IllegalStateException("this node holds no playback signing key"));
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message(scope, id, expires.getEpochSecond()));
            return "exp=" + expires.getEpochSecond() + "&sig=" + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    /** Whether this node can mint URLs (app nodes) or only check them (edges). */
    public boolean canSign() {
        return signingKey.isPresent();
    }

    /** Whether {@code exp} and {@code sig} open {@code scope}/{@code id} now: unforged, for this id, unexpired. */
    public boolean verify(String scope, UUID id, String exp, String sig) {
        if (exp == null || sig == null || !EXPIRY.matcher(exp).matches() || sig.length() != 86) {
            return false;
        }
        long expires = Long.parseLong(exp);
        if (!clock.instant().isBefore(Instant.ofEpochSecond(expires))) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(sig);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        if (signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(verifyKey);
            verifier.update(message(scope, id, expires));
            return verifier.verify(signature);
        } catch (java.security.SignatureException malformed) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    /** The public key in the form {@code plenum.playback.verify-key} takes: what an edge is configured with. */
    public String verifyKeyBase64() {
        return Base64.getEncoder().encodeToString(verifyKey.getEncoded());
    }

    private static byte[] message(String scope, UUID id, long expires) {
        return ("plenum-playback\n" + scope + "\n" + id + "\n" + expires).getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair keys(PlaybackConfig config) {
        Optional<String> privateText = config.signingKey().map(String::strip).filter(value -> !value.isEmpty());
        Optional<String> publicText = config.verifyKey().map(String::strip).filter(value -> !value.isEmpty());
        if (privateText.isEmpty() && publicText.isEmpty()) {
            LOG.info("Playback URLs are signed with an Ed25519 key made for this start (no plenum.playback.signing-key)");
            return generated();
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PublicKey configuredPublic = publicText.isEmpty() ? null
                    : factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicText.get())));
            if (privateText.isEmpty()) {
                return new KeyPair(configuredPublic, null); // an edge: checks, never mints
            }
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateText.get())));
            PublicKey derived = derivePublic((EdECPrivateKey) privateKey);
            if (configuredPublic != null && !Arrays.equals(configuredPublic.getEncoded(), derived.getEncoded())) {
                throw new IllegalStateException("plenum.playback.verify-key does not belong to plenum.playback.signing-key");
            }
            return new KeyPair(derived, privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("plenum.playback.signing-key / verify-key is not an Ed25519 key in base64 DER "
                    + "(PKCS#8 for the private key, X.509 for the public one): " + e.getMessage(), e);
        }
    }

    /**
     * The JDK has no call that computes an Ed25519 public key from a private one, but its key-pair
     * generator takes the private key as the 32 bytes it draws from its random source: fed the
     * private key's bytes, it returns that same key with its public half.
     */
    private static PublicKey derivePublic(EdECPrivateKey privateKey) throws GeneralSecurityException {
        byte[] seed = privateKey.getBytes().orElseThrow(() -> new GeneralSecurityException("the private key has no bytes"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        KeyPair pair = generator.generateKeyPair();
        byte[] again = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
        if (!Arrays.equals(seed, again)) {
            throw new GeneralSecurityException("cannot derive the public key of this private key");
        }
        return pair.getPublic();
    }

    private static KeyPair generated() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }
}

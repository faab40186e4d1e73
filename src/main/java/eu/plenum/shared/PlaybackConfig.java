package eu.plenum.shared;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code plenum.playback.*}: the Ed25519 keys of signed playback URLs (live HLS); see {@link PlaybackSignatures}. */
@ConfigMapping(prefix = "plenum.playback")
public interface PlaybackConfig {

    /**
     * Private key that signs playback URLs: PKCS#8 DER, base64 (env {@code PLENUM_PLAYBACK_SIGNING_KEY};
     * make one with {@code openssl genpkey -algorithm ed25519 -outform DER | base64 -w0}). Only app
     * nodes hold it, the same on every app node; a production app node refuses to start without it.
     * Dev and test make a key pair per start.
     */
    Optional<String> signingKey();

    /**
     * Public key that checks playback URLs: X.509 SubjectPublicKeyInfo DER, base64 (env
     * {@code PLENUM_PLAYBACK_VERIFY_KEY}). All an edge node needs: it can verify, never mint. App
     * nodes derive it from {@link #signingKey()}; when both are set they must belong together.
     */
    Optional<String> verifyKey();

    /** How long a signed playback URL stays valid; the player renews it (playlists carry fresh ones). */
    @WithDefault("60s")
    Duration urlLifetime();
}

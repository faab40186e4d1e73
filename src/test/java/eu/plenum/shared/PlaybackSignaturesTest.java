package eu.plenum.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ed25519 playback URLs: what opens a room's media, what does not, and the key configuration rules. */
class PlaybackSignaturesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final UUID ROOM = UUID.randomUUID();

    @Test
    void aSignedQueryOpensItsRoomUntilItExpiresAndNothingElse() throws Exception {
        PlaybackSignatures app = new PlaybackSignatures(config(Optional.empty(), Optional.empty()), at(NOW));
        String query = app.sign("live", ROOM);
        String exp = param(query, "exp");
        String sig = param(query, "sig");
        long lifetime = Long.parseLong(exp) - NOW.getEpochSecond();
        assertTrue(lifetime >= 60 && lifetime < 70, "about a minute, rounded up to 10 s: " + lifetime);
        assertTrue(app.verify("live", ROOM, exp, sig));
        assertFalse(app.verify("live", UUID.randomUUID(), exp, sig), "another room");
        assertFalse(app.verify("recording", ROOM, exp, sig), "another scope");
        assertFalse(app.verify("live", ROOM, String.valueOf(Long.parseLong(exp) + 3600), sig), "a later expiry, same signature");
        char[] forged = sig.toCharArray();
        forged[10] = forged[10] == 'A' ? 'B' : 'A';
        assertFalse(app.verify("live", ROOM, exp, new String(forged)), "a changed signature");
        assertFalse(app.verify("live", ROOM, exp, null));
        assertFalse(app.verify("live", ROOM, "12abc", sig));
        assertFalse(app.verify("live", ROOM, exp, "not base64 !" + sig.substring(12)));
        PlaybackSignatures later = new PlaybackSignatures(config(Optional.empty(), Optional.empty()), at(NOW.plusSeconds(lifetime)));
        assertFalse(new PlaybackSignatures(new java.security.KeyPair(keyOf(app), null), at(NOW.plusSeconds(lifetime)),
                Duration.ofSeconds(60)).verify("live", ROOM, exp, sig), "expired");
        assertFalse(later.verify("live", ROOM, exp, sig), "another start's key");
    }

    @Test
    void anEdgeWithThePublicKeyVerifiesButCannotMint() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        PlaybackSignatures app = new PlaybackSignatures(config(Optional.of(privateKey), Optional.empty()), at(NOW));
        String publicKey = app.verifyKeyBase64();
        assertEquals(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), publicKey, "derived from the private key");
        PlaybackSignatures edge = new PlaybackSignatures(config(Optional.empty(), Optional.of(publicKey)), at(NOW));
        String query = app.sign("live", ROOM);
        assertTrue(edge.verify("live", ROOM, param(query, "exp"), param(query, "sig")));
        assertFalse(edge.canSign());
        assertThrows(IllegalStateException.class, () -> edge.sign("live", ROOM));
        assertTrue(app.canSign());
    }

    @Test
    void keysThatDoNotBelongTogetherOrAreNotEd25519AreRefused() throws Exception {
        var one = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String privateKey = Base64.getEncoder().encodeToString(one.getPrivate().getEncoded());
        String otherPublic = Base64.getEncoder().encodeToString(other.getPublic().getEncoded());
        assertThrows(IllegalStateException.class,
                () -> new PlaybackSignatures(config(Optional.of(privateKey), Optional.of(otherPublic)), at(NOW)));
        assertThrows(IllegalStateException.class,
                () -> new PlaybackSignatures(config(Optional.of("bm90IGEga2V5"), Optional.empty()), at(NOW)));
        String rsa = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded());
        assertThrows(IllegalStateException.class, () -> new PlaybackSignatures(config(Optional.of(rsa), Optional.empty()), at(NOW)));
    }

    private static java.security.PublicKey keyOf(PlaybackSignatures signatures) throws Exception {
        return java.security.KeyFactory.getInstance("Ed25519").generatePublic(
                new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(signatures.verifyKeyBase64())));
    }

    static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + query);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static PlaybackConfig config(Optional<String> signingKey, Optional<String> verifyKey) {
        return new PlaybackConfig() {
            @Override
            public Optional<String> signingKey() {
                return signingKey;
            }

            @Override
            public Optional<String> verifyKey() {
                return verifyKey;
            }

            @Override
            public Duration urlLifetime() {
                return Duration.ofSeconds(60);
            }
        };
    }
}

package eu.plenum.media.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A failed copy waits a doubling pause before the next claim; only a backup copy ever gives up. */
class RecordingCopyRetryTest {

    private static final Instant NOW = Instant.parse("2026-12-08T00:00:00Z");

    @Test
    void theHomeUploadKeepsTryingWithDoublingPauses() {
        RecordingCopy home = new RecordingCopy(UUID.randomUUID(), "recordings-fra", "eu-fra", false);
        home.claim(NOW.plusSeconds(900));
        home.release();
        home.failed("store answered 503", NOW);
        assertEquals(NOW.plusSeconds(2), home.claimedUntil(), "not claimable again at once");
        for (int attempt = 2; attempt <= 12; attempt++) {
            home.failed("store answered 503", NOW);
        }
        assertEquals(RecordingCopy.Status.PENDING, home.status(), "the spool file is the only copy: never FAILED");
        assertEquals(NOW.plus(Duration.ofMinutes(10)), home.claimedUntil(), "the pause stops doubling at 10 min");
        assertEquals("store answered 503", home.lastError());
    }

    @Test
    void aBackupCopyFailsForGoodAfterFiveAttempts() {
        RecordingCopy backup = new RecordingCopy(UUID.randomUUID(), "recordings-sxb", "eu-sxb", true);
        for (int attempt = 1; attempt <= 4; attempt++) {
            backup.failed("unreachable", NOW);
            assertEquals(RecordingCopy.Status.PENDING, backup.status());
        }
        assertEquals(NOW.plusSeconds(16), backup.claimedUntil());
        backup.failed("unreachable", NOW);
        assertEquals(RecordingCopy.Status.FAILED, backup.status());
    }

    @Test
    void anErasureIsNotHeldUpByAFailuresPause() {
        RecordingCopy home = new RecordingCopy(UUID.randomUUID(), "recordings-fra", "eu-fra", false);
        home.failed("store answered 503", NOW);
        home.markForDeletion();
        assertEquals(RecordingCopy.Status.DELETING, home.status());
        assertNull(home.claimedUntil(), "the deletion can be claimed at once");
    }

    @Test
    void pausesDouble() {
        assertEquals(Duration.ofSeconds(2), RecordingCopy.retryPause(1));
        assertEquals(Duration.ofSeconds(4), RecordingCopy.retryPause(2));
        assertEquals(Duration.ofSeconds(512), RecordingCopy.retryPause(9));
        assertEquals(Duration.ofMinutes(10), RecordingCopy.retryPause(10));
        assertEquals(Duration.ofMinutes(10), RecordingCopy.retryPause(Integer.MAX_VALUE));
    }
}

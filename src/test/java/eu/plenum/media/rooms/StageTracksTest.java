package eu.plenum.media.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.plenum.media.worker.WorkerProtocol.Track;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rule of what WHEP viewers are shown (tracks in the order publishers joined). */
class StageTracksTest {

    private static final String CAMERA = UUID.randomUUID().toString();
    private static final String SCREEN = UUID.randomUUID().toString();
    private static final Track CAMERA_VIDEO = new Track(CAMERA, "VIDEO", "VP8", 1);
    private static final Track CAMERA_AUDIO = new Track(CAMERA, "AUDIO", "OPUS", 2);
    private static final Track SCREEN_VIDEO = new Track(SCREEN, "VIDEO", "VP8", 3);
    private static final Track SCREEN_AUDIO = new Track(SCREEN, "AUDIO", "OPUS", 4);

    @Test
    void theNewestVideoAndTheFirstAudioAreOnTheStage() {
        assertEquals(List.of(CAMERA_VIDEO, CAMERA_AUDIO), RoomViewers.stageTracks(List.of(CAMERA_AUDIO, CAMERA_VIDEO), null));
        assertEquals(List.of(SCREEN_VIDEO, CAMERA_AUDIO),
                RoomViewers.stageTracks(List.of(CAMERA_VIDEO, CAMERA_AUDIO, SCREEN_VIDEO, SCREEN_AUDIO), null));
    }

    @Test
    void aPinnedVideoWinsWhileItIsSent() {
        List<Track> both = List.of(CAMERA_VIDEO, CAMERA_AUDIO, SCREEN_VIDEO);
        assertEquals(List.of(CAMERA_VIDEO, CAMERA_AUDIO), RoomViewers.stageTracks(both, UUID.fromString(CAMERA)));
        // The pinned publisher sends no video (camera off, or gone): the newest video is shown.
        assertEquals(List.of(SCREEN_VIDEO, CAMERA_AUDIO),
                RoomViewers.stageTracks(List.of(CAMERA_AUDIO, SCREEN_VIDEO), UUID.fromString(CAMERA)));
    }

    @Test
    void aCameraThatIsOffLeavesAnAudioStage() {
        assertEquals(List.of(CAMERA_AUDIO), RoomViewers.stageTracks(List.of(CAMERA_AUDIO), null));
        assertEquals(List.of(), RoomViewers.stageTracks(List.of(), null));
    }
}

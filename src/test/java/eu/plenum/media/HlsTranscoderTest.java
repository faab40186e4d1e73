package eu.plenum.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.media.supervisor.WorkerControlClient;
import eu.plenum.media.supervisor.WorkerPool;
import eu.plenum.media.supervisor.WorkerProcess;
import eu.plenum.media.worker.WorkerProtocol;
import eu.plenum.testsupport.HlsProbe;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.ProjectPaths;
import eu.plenum.testsupport.RtpSenders;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The HLS job of a real media worker process, fed plain RTP by gst-launch senders the way a room
 * worker's forwards will feed it: segments flow before any input arrives, carry the input's picture
 * once it does, go on when the video pauses, and a second transcoder of the same room (as after a
 * crash) continues the playlists instead of starting them over.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class HlsTranscoderTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    WorkerPool pool;
    @Inject
    WorkerControlClient control;

    @Test
    void segmentsFlowWithoutInputCarryTheInputWhenItComesAndASecondTranscoderContinuesThePlaylists() throws Exception {
        String roomId = UUID.randomUUID().toString();
        Path live = ProjectPaths.target("test-live", roomId);
        WorkerProcess first = pool.acquire(roomId, "hls-transcoder-test", WorkerProcess.Job.TRANSCODER);
        first.identity().grant(live); // as RoomHls does: under a user of its own, a worker writes only its room's folder
        WorkerProtocol.TranscodePorts ports = start(first, roomId, live);
        assertEquals(1, ports.generation());
        assertEquals(List.of("H264", "VP8", "VP9"), ports.video().keySet().stream().sorted().toList());
        assertEquals(2, ports.audio().size());
        assertTrue(ports.audio().stream().allMatch(port -> port > 0) && !ports.audio().contains(ports.video().get("VP8")));

        HlsProbe silent = awaitPlaylist(live.resolve("index.m3u8"), playlist -> playlist.entries().size() >= 3);
        Path blank = live.resolve(silent.entries().get(0).name());
        assertEquals(List.of("video/h264", "audio/aac"), HlsProbe.codecs(blank), "segments before any input");
        assertTrue(HlsProbe.meanLuma(blank) < 30, "no input yet: black");

        long before;
        try (RtpSenders video = RtpSenders.vp8(ports.video().get("VP8"), 640, 480);
                RtpSenders audio = RtpSenders.opus(ports.audio().get(0))) {
            before = HlsProbe.read(live.resolve("index.m3u8")).lastSequence();
            HlsProbe playing = awaitPlaylist(live.resolve("index.m3u8"), playlist -> playlist.lastSequence() >= before + 6);
            assertTrue(video.alive() && audio.alive(), "the senders ran throughout");
            assertValidWindow(live, playing);
            Path latest = live.resolve(playing.entries().get(playing.entries().size() - 1).name());
            assertTrue(HlsProbe.meanLuma(latest) > 40, "the input's picture is in the segments: " + HlsProbe.meanLuma(latest));
        }
        long paused = HlsProbe.read(live.resolve("index.m3u8")).lastSequence();
        // The playlist keeps advancing without input, and the picture turns black (a stale frame does not stay).
        HlsProbe afterPause = awaitPlaylist(live.resolve("index.m3u8"), playlist -> playlist.lastSequence() >= paused + 3
                && HlsProbe.meanLuma(live.resolve(playlist.entries().get(playlist.entries().size() - 1).name())) < 30);
        assertValidWindow(live, afterPause);
        HlsProbe event = HlsProbe.read(live.resolve("event.m3u8"));
        assertEquals("EVENT", event.playlistType());
        assertEquals(0, event.mediaSequence());
        assertTrue(event.entries().size() >= afterPause.lastSequence() + 1, "the event playlist names every segment so far");
        for (int i = 0; i < afterPause.entries().size(); i++) {
            assertEquals(afterPause.entries().get(i).name(), event.entries().get((int) afterPause.mediaSequence() + i).name(),
                    "the live window's media sequence numbers are the event playlist's");
        }
        event.entries().forEach(entry -> assertTrue(Files.exists(live.resolve(entry.name())), "kept: " + entry.name()));

        first.kill(); // as a crash would; the pool has another worker
        WorkerProcess second = pool.acquire(roomId, "hls-transcoder-test", WorkerProcess.Job.TRANSCODER);
        second.identity().grant(live, true); // the successor carries on the room's playlists
        try {
            assertEquals(2, start(second, roomId, live).generation());
            long lastOfFirst = HlsProbe.read(live.resolve("event.m3u8")).lastSequence();
            HlsProbe resumed = awaitPlaylist(live.resolve("index.m3u8"), playlist -> playlist.lastSequence() >= lastOfFirst + 3);
            assertValidWindow(live, resumed);
            assertTrue(resumed.mediaSequence() > afterPause.mediaSequence(), "the media sequence moves on, it never restarts");
            assertTrue(resumed.entries().stream().anyMatch(HlsProbe.Entry::discontinuity)
                    || resumed.discontinuitySequence() == 1, "the new transcoder's first segment follows a discontinuity");
            HlsProbe whole = HlsProbe.read(live.resolve("event.m3u8"));
            assertTrue(whole.entries().size() > event.entries().size(), "the event playlist grew");
            assertEquals(1, whole.entries().stream().filter(HlsProbe.Entry::discontinuity).count());
            assertTrue(whole.entries().get(event.entries().size()).discontinuity());
        } finally {
            control.post(second, "/close", null, WorkerProtocol.Files.class);
            pool.retire(second);
        }
    }

    WorkerProtocol.TranscodePorts start(WorkerProcess worker, String roomId, Path live) {
        return control.post(worker, "/hls", new WorkerProtocol.Transcode(roomId, live.toAbsolutePath().toString(), "127.0.0.1",
                1280, 720, 25, 2500, 2, 6), WorkerProtocol.TranscodePorts.class);
    }

    /** Every segment of the window is whole: ffprobe reads H.264 and AAC in it, at the rendition's size. */
    static void assertValidWindow(Path live, HlsProbe playlist) {
        assertFalse(playlist.entries().isEmpty());
        assertTrue(playlist.entries().size() <= 6, "a sliding window: " + playlist.entries().size());
        assertEquals(1, playlist.targetDuration(), "one-second segments");
        for (HlsProbe.Entry entry : playlist.entries()) {
            Path segment = live.resolve(entry.name());
            assertEquals(List.of("video/h264", "audio/aac"), HlsProbe.codecs(segment), entry.name());
            assertTrue(entry.seconds() > 0.5 && entry.seconds() <= 1.5, "about a second: " + entry);
        }
    }

    static HlsProbe awaitPlaylist(Path playlist, Predicate<HlsProbe> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        HlsProbe last = null;
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(playlist)) {
                last = HlsProbe.read(playlist);
                if (wanted.test(last)) {
                    return last;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the playlist " + playlist + " did not get there within " + PATIENCE.toSeconds() + " s: " + last);
    }
}

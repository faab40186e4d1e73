package eu.plenum.media;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * CPU of one room's HLS transcode at 720p (docs/benchmarks.md): a transcoder worker fed a 1280x720
 * 30 fps VP8 test pattern and two Opus tracks over RTP (senders in processes of their own, not
 * counted), CPU time of the worker process over a measured window after a warm-up.
 * Run: {@code ./mvnw verify -Pbench -Dtest=HlsTranscodeBenchmark}.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class HlsTranscodeBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration WINDOW = Duration.ofSeconds(30);

    @Inject
    WorkerPool pool;
    @Inject
    WorkerControlClient control;

    @Test
    void cpuOfOneRoomsTranscodeAt720p() throws Exception {
        String roomId = UUID.randomUUID().toString();
        Path live = ProjectPaths.target("test-live", roomId);
        WorkerProcess worker = pool.acquire(roomId, "hls-benchmark", WorkerProcess.Job.TRANSCODER);
        try {
            WorkerProtocol.TranscodePorts ports = control.post(worker, "/hls", new WorkerProtocol.Transcode(roomId,
                    live.toAbsolutePath().toString(), "127.0.0.1", 1280, 720, 25, 2500, 4, 6), WorkerProtocol.TranscodePorts.class);
            try (RtpSenders video = RtpSenders.vp8(ports.video().get("VP8"), 1280, 720);
                    RtpSenders host = RtpSenders.opus(ports.audio().get(0));
                    RtpSenders guest = RtpSenders.opus(ports.audio().get(1))) {
                Thread.sleep(WARM_UP.toMillis());
                ProcessHandle process = ProcessHandle.of(worker.pid()).orElseThrow();
                Duration cpuBefore = process.info().totalCpuDuration().orElseThrow();
                long segmentsBefore = HlsProbe.read(live.resolve("event.m3u8")).entries().size();
                long rssBefore = rssKb(worker.pid());
                long started = System.nanoTime();
                Thread.sleep(WINDOW.toMillis());
                Duration cpu = process.info().totalCpuDuration().orElseThrow().minus(cpuBefore);
                double wall = (System.nanoTime() - started) / 1e9;
                long segments = HlsProbe.read(live.resolve("event.m3u8")).entries().size() - segmentsBefore;
                System.out.printf("HLS transcode 720p25 (VP8 1280x720@30 in, 2 Opus mixed): %.2f s CPU in %.1f s = %.2f cores; "
                        + "%d segments; worker RSS %d MB%n", cpu.toMillis() / 1000.0, wall, cpu.toMillis() / 1000.0 / wall, segments,
                        Math.max(rssBefore, rssKb(worker.pid())) / 1024);
            }
        } finally {
            control.post(worker, "/close", null, WorkerProtocol.Files.class);
            pool.retire(worker);
        }
    }

    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}

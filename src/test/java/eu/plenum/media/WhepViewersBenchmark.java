package eu.plenum.media;

import com.microsoft.playwright.Page;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.LatencyPages;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.ProcessTrees;
import eu.plenum.testsupport.ProjectPaths;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Figures for docs/benchmarks.md, "WHEP viewers" ({@code ./mvnw verify -Pbench -Dtest=WhepViewersBenchmark}):
 * CPU and memory per WHEP viewer of the viewer worker, key frames the publisher encodes while 50
 * viewers join within a second, and how long a viewer worker's kill -9 interrupts its viewers.
 * The viewers are real WHEP sessions of the werift load client in bench/whep-load (Node.js): ICE,
 * DTLS, SRTP, RTCP, no decoding. Prints {@code BENCH} lines; asserts nothing about speed.
 */
@QuarkusTest
@TestProfile(WhepViewersBenchmark.ManyViewers.class)
@WithTestResource(PlenumTestServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WhepViewersBenchmark {

    /** All viewers of a run on one viewer worker, so that its figures are per-viewer figures. */
    public static class ManyViewers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plenum.media.viewers-per-worker", "100", "plenum.media.max-viewers-per-room", "1000");
        }
    }

    private static final String APP = "http://localhost:8081/";
    /** The load client talks to loopback by address, never by name. */
    private static final String WHEP_BASE = "http://127.0.0.1:8081/api/rooms/";
    private static final int[] VIEWER_COUNTS = {10, 25, 50};
    private static final int MEASURE_SECONDS = 20;
    private static final Path CLIENT = ProjectPaths.root().resolve("bench/whep-load");

    private static Browser browser;
    private static WhipPublishers publishers;
    private static LiveRoomMediaTest.Room room;
    private static String publication;

    @Inject
    ViewerPasses passes;

    /** Called by each test: RestAssured knows the app's port only once a test runs. */
    private static void liveRoomWithChromiumPublisher() throws Exception {
        if (room != null) {
            return;
        }
        installClient();
        browser = Browser.launchWithFakeMedia();
        publishers = new WhipPublishers(browser, APP);
        room = LiveRoomMediaTest.openRoom("WHEP viewers benchmark");
        Map<String, Object> published = publishers.publish(room.whipUrl(), room.key(), 640, 480);
        if (!Integer.valueOf(201).equals(published.get("status"))) {
            throw new IllegalStateException("the publisher could not go live: " + published);
        }
        publication = (String) published.get("location");
        publishers.page().waitForTimeout(3_000);
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void costPerViewer() throws Exception {
        liveRoomWithChromiumPublisher();
        long ingest = LiveRoomMediaTest.workerPid(room.id());
        Window idle = Window.open(List.of(ingest));
        Map<String, Number> idleStatsBefore = publishers.videoStats(publication);
        Thread.sleep(MEASURE_SECONDS * 1000L);
        Map<String, Number> idleStatsAfter = publishers.videoStats(publication);
        System.out.printf("BENCH WHEP 0 viewers: ingest worker CPU %.1f %% of one core, RSS %d MB; publisher in %d s: "
                        + "%d key frames, %d PLIs; machine busy %.0f %% of 2 cores%n",
                idle.cpuPercent(ingest), GoLiveBenchmark.rssKb(ingest) / 1024, MEASURE_SECONDS,
                delta(idleStatsBefore, idleStatsAfter, "keyFramesEncoded"), delta(idleStatsBefore, idleStatsAfter, "pliCount"),
                idle.machineBusyPercent());
        long idleWorkerKb = idleWorkerRssKb();
        System.out.printf("BENCH WHEP idle worker (warm pool): RSS %d MB, %d threads%n", idleWorkerKb / 1024, idleWorkerThreads());

        for (int viewers : VIEWER_COUNTS) {
            Map<String, Number> statsBefore = publishers.videoStats(publication);
            try (LoadClient client = LoadClient.start(writePasses(viewers), MEASURE_SECONDS, 1000)) {
                String ready = client.awaitLine("READY", Duration.ofSeconds(150));
                Map<String, Number> statsReady = publishers.videoStats(publication);
                List<Long> viewerWorkers = viewerWorkerPids();
                List<Long> measured = new ArrayList<>(viewerWorkers);
                measured.add(ingest);
                measured.add(client.pid());
                Window window = Window.open(measured);
                String summary = client.awaitLine("SUMMARY", Duration.ofSeconds(MEASURE_SECONDS + 60));
                window.close();
                double viewerCpu = viewerWorkers.stream().mapToDouble(window::cpuPercent).sum();
                long viewerRssKb = 0;
                for (long pid : viewerWorkers) {
                    viewerRssKb += GoLiveBenchmark.rssKb(pid);
                }
                long threads = 0;
                for (long pid : viewerWorkers) {
                    threads += threads(pid);
                }
                double perViewer = viewerCpu / viewers;
                System.out.printf("BENCH WHEP %d viewers (offers started within 1 s; joinedMs = until the last answer): %s%n", viewers, ready);
                System.out.printf("BENCH WHEP %d viewers: client %s%n", viewers, summary);
                System.out.printf("BENCH WHEP %d viewers on %d viewer worker(s): CPU %.1f %% of one core = %.2f %% per viewer = %.0f viewers per core;"
                                + " RSS %d MB = %.2f MB per viewer above an idle worker; ingest worker CPU %.1f %%, RSS %d MB;"
                                + " load client CPU %.1f %%; machine busy %.0f %% of 2 cores; viewer worker threads %d%n",
                        viewers, viewerWorkers.size(), viewerCpu, perViewer, 100 / perViewer, viewerRssKb / 1024,
                        (viewerRssKb - idleWorkerKb * viewerWorkers.size()) / 1024.0 / viewers,
                        window.cpuPercent(ingest), GoLiveBenchmark.rssKb(ingest) / 1024, window.cpuPercent(client.pid()),
                        window.machineBusyPercent(), threads);
                System.out.printf("BENCH WHEP %d viewers joining within 1 s: publisher encoded %d key frames and received %d PLIs"
                                + " from the first POST until every viewer had media (+3 s)%n",
                        viewers, delta(statsBefore, statsReady, "keyFramesEncoded"), delta(statsBefore, statsReady, "pliCount"));
                client.awaitExit();
            }
            awaitNoViewers();
        }
    }

    @Test
    @Order(2)
    void viewersBackAfterTheirViewerWorkerIsKilled() throws Exception {
        liveRoomWithChromiumPublisher();
        int viewers = 10;
        try (LoadClient client = LoadClient.start(writePasses(viewers), 25, 1000)) {
            client.awaitLine("READY", Duration.ofSeconds(150));
            List<Long> viewerWorkers = viewerWorkerPids();
            Thread.sleep(5_000);
            for (long pid : viewerWorkers) {
                new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor();
            }
            String summary = client.awaitLine("SUMMARY", Duration.ofSeconds(90));
            System.out.printf("BENCH WHEP kill -9 of the viewer worker of %d viewers (gapMs = last packet before → first"
                    + " packet after reconnecting): %s%n", viewers, summary);
            client.awaitExit();
        }
        awaitNoViewers();
    }

    @Test
    @Order(3)
    void glassToGlassLatencyOfWhep() throws Exception {
        liveRoomWithChromiumPublisher();
        LiveRoomMediaTest.Room clockRoom = LiveRoomMediaTest.openRoom("WHEP latency");
        Page publisher = browser.newPage("en");
        publisher.navigate(APP);
        Map<String, Object> published = LatencyPages.publishClock(publisher, clockRoom.whipUrl(), clockRoom.key());
        if (!Integer.valueOf(201).equals(published.get("status"))) {
            throw new IllegalStateException("the clock canvas could not go live: " + published);
        }
        publisher.waitForTimeout(3_000);
        Page viewer = browser.newPage("en");
        viewer.navigate(APP);
        String pass = passes.mint(UUID.fromString(clockRoom.id()), UUID.randomUUID(), Duration.ofMinutes(10));
        Map<String, Object> watching = LatencyPages.watchClock(viewer, APP + "api/rooms/" + clockRoom.id() + "/whep", pass);
        if (!Integer.valueOf(201).equals(watching.get("status"))) {
            throw new IllegalStateException("the latency viewer was refused: " + watching);
        }
        viewer.waitForTimeout(5_000);
        Map<String, Object> warmUp = LatencyPages.read(viewer);
        viewer.waitForTimeout(MEASURE_SECONDS * 1000);
        Map<String, Object> latency = LatencyPages.read(viewer);
        System.out.printf("BENCH WHEP glass-to-glass (canvas clock → WHIP → ingest → viewer worker → WHEP → Chromium frame presented),"
                + " %d s after a 5 s warm-up %s: %s%n", MEASURE_SECONDS, warmUp, latency);
        viewer.context().close();
        publisher.context().close();
        LiveRoomMediaTest.endRoom(clockRoom.id());
    }

    @Test
    @Order(9)
    void endTheRoom() {
        if (publication != null) {
            publishers.unpublish(publication);
            LiveRoomMediaTest.endRoom(room.id());
            publication = null;
        }
    }

    private Path writePasses(int viewers) throws Exception {
        UUID roomId = UUID.fromString(room.id());
        List<String> lines = IntStream.range(0, viewers)
                .mapToObj(i -> passes.mint(roomId, UUID.randomUUID(), Duration.ofMinutes(10))).toList();
        Path file = ProjectPaths.target("whep-load", "passes-" + viewers + ".txt");
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
        return file;
    }

    private static long delta(Map<String, Number> before, Map<String, Number> after, String key) {
        return after.get(key).longValue() - before.get(key).longValue();
    }

    private static List<Long> viewerWorkerPids() {
        return GoLiveBenchmark.pool().stream()
                .filter(worker -> room.id().equals(worker.get("roomId")) && "VIEWERS".equals(worker.get("job"))
                        && "BUSY".equals(worker.get("phase")))
                .map(worker -> ((Number) worker.get("pid")).longValue()).toList();
    }

    private static long threads(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith("Threads:")).map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElse(0L);
    }

    private static long idleWorkerThreads() throws Exception {
        return threads(GoLiveBenchmark.pool().stream().filter(worker -> "IDLE".equals(worker.get("phase")))
                .map(worker -> ((Number) worker.get("pid")).longValue()).findFirst().orElseThrow());
    }

    private static long idleWorkerRssKb() throws Exception {
        GoLiveBenchmark.awaitIdleWorkers(1);
        long pid = GoLiveBenchmark.pool().stream().filter(worker -> "IDLE".equals(worker.get("phase")))
                .map(worker -> ((Number) worker.get("pid")).longValue()).findFirst().orElseThrow();
        return GoLiveBenchmark.rssKb(pid);
    }

    /** The next run starts on a quiet worker: the server has removed the previous run's viewers. */
    private static void awaitNoViewers() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline) && GoLiveBenchmark.pool().stream()
                .anyMatch(worker -> room.id().equals(worker.get("roomId")) && ((Number) worker.getOrDefault("viewers", 0)).intValue() > 0)) {
            Thread.sleep(500);
        }
        Thread.sleep(2_000);
    }

    /** npm ci from the committed lock file when node_modules is missing (the npm registry only). */
    private static void installClient() throws Exception {
        if (Files.isDirectory(CLIENT.resolve("node_modules/werift"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(CLIENT.toFile()).inheritIO().start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            ProcessTrees.stop(npm);
            throw new IllegalStateException("npm ci in " + CLIENT + " failed");
        }
    }

    /** CPU ticks of some processes and of the whole machine between open and close. */
    private static final class Window {
        private final Map<Long, Long> ticksBefore = new java.util.HashMap<>();
        private final Map<Long, Long> ticksAfter = new java.util.HashMap<>();
        private final long[] machineBefore;
        private long[] machineAfter;
        private final long from = System.nanoTime();
        private long to;

        private Window(List<Long> pids) throws Exception {
            for (long pid : pids) {
                ticksBefore.put(pid, GoLiveBenchmark.cpuTicks(pid));
            }
            machineBefore = machineTicks();
        }

        static Window open(List<Long> pids) throws Exception {
            return new Window(pids);
        }

        void close() throws Exception {
            to = System.nanoTime();
            for (long pid : ticksBefore.keySet()) {
                ticksAfter.put(pid, GoLiveBenchmark.cpuTicks(pid));
            }
            machineAfter = machineTicks();
        }

        double cpuPercent(long pid) {
            if (machineAfter == null) {
                try {
                    close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            double seconds = (to - from) / 1e9;
            return (ticksAfter.get(pid) - ticksBefore.get(pid)) / 100.0 / seconds * 100;
        }

        double machineBusyPercent() {
            long busy = (machineAfter[0] - machineBefore[0]);
            long all = (machineAfter[1] - machineBefore[1]);
            return all == 0 ? 0 : 100.0 * busy / all;
        }

        /** {busy, total} jiffies of all cores from /proc/stat. */
        private static long[] machineTicks() throws Exception {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        }
    }

    /** The werift load client as a child process; its output is echoed and scanned for READY/SUMMARY lines. */
    private static final class LoadClient implements AutoCloseable {
        private final Process process;
        private final java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();

        private LoadClient(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        System.out.println("whep-load: " + line);
                        lines.add(line);
                    }
                } catch (java.io.IOException e) {
                    // the process ended
                }
            }, "whep-load-output");
            reader.setDaemon(true);
            reader.start();
        }

        static LoadClient start(Path passes, int seconds, int joinMs) throws Exception {
            ProcessBuilder builder = new ProcessBuilder("node", "whep-load.js", "--url", WHEP_BASE + room.id() + "/whep",
                    "--passes", passes.toString(), "--seconds", String.valueOf(seconds), "--join-ms", String.valueOf(joinMs),
                    "--max-ms", String.valueOf((seconds + 240) * 1000L))
                    .directory(CLIENT.toFile()).redirectErrorStream(true);
            return new LoadClient(builder.start());
        }

        long pid() {
            return process.pid();
        }

        /** The JSON after the first line that starts with {@code prefix}. */
        String awaitLine(String prefix, Duration within) throws Exception {
            Instant deadline = Instant.now().plus(within);
            while (Instant.now().isBefore(deadline)) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix + " ")) {
                    return line.substring(prefix.length() + 1);
                }
                if (line != null && line.startsWith("ABORT")) {
                    throw new IllegalStateException("the load client gave up: " + line);
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    throw new IllegalStateException("the load client ended with " + process.exitValue() + " before " + prefix);
                }
            }
            throw new IllegalStateException("no " + prefix + " line from the load client within " + within);
        }

        void awaitExit() throws InterruptedException {
            process.waitFor(60, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                try (OutputStream in = process.getOutputStream()) {
                    in.write("stop\n".getBytes(StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    // already gone
                }
                try {
                    process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ProcessTrees.stop(process);
        }
    }
}

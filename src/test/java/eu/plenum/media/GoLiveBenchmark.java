package eu.plenum.media;

import static io.restassured.RestAssured.given;

import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.MediaProbe;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Figures for docs/benchmarks.md (./mvnw verify -Pbench -Dtest='GoLiveBenchmark,ColdGoLiveBenchmark'):
 * go-live latency from the warm pool, CPU and memory of a worker recording a 720p stream, and how
 * many rooms record at once before a recording shows gaps. Prints; asserts nothing about speed.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoLiveBenchmark {

    static final String APP = "http://localhost:8081";
    private static final int RUNS = 20;
    private static final int MAX_ROOMS = 12;

    @Test
    @Order(1)
    void warmGoLive() throws Exception {
        try (Browser browser = Browser.launchWithFakeMedia()) {
            WhipPublishers publishers = new WhipPublishers(browser, APP + "/");
            List<Double> latencies = goLives(publishers, RUNS, true);
            print("warm", latencies);
        }
    }

    @Test
    @Order(2)
    void workerCostOf720pAndIdle() throws Exception {
        awaitIdleWorkers(2);
        long idlePid = pool().stream().filter(worker -> "IDLE".equals(worker.get("phase")))
                .map(worker -> ((Number) worker.get("pid")).longValue()).findFirst().orElseThrow();
        System.out.printf("BENCH idle worker: RSS %d MB%n", rssKb(idlePid) / 1024);
        try (Browser browser = Browser.launchWithFakeMedia()) {
            WhipPublishers publishers = new WhipPublishers(browser, APP + "/");
            LiveRoomMediaTest.Room room = LiveRoomMediaTest.openRoom("720p cost");
            Map<String, Object> published = publishers.publish(room.whipUrl(), room.key(), 1280, 720);
            long pid = workerPid(room.id());
            publishers.page().waitForTimeout(5_000);
            long ticks = cpuTicks(pid);
            Instant from = Instant.now();
            publishers.page().waitForTimeout(15_000);
            double seconds = (Instant.now().toEpochMilli() - from.toEpochMilli()) / 1000.0;
            double percent = (cpuTicks(pid) - ticks) / 100.0 / seconds * 100;
            System.out.printf("BENCH 720p recording worker: CPU %.1f %% of one core, RSS %d MB%n", percent, rssKb(pid) / 1024);
            publishers.unpublish((String) published.get("location"));
            end(room.id());
        }
    }

    @Test
    @Order(3)
    void roomsRecordingAtOnce() throws Exception {
        try (Browser browser = Browser.launchWithFakeMedia()) {
            for (int rooms = 1; rooms <= MAX_ROOMS; rooms++) {
                awaitIdleWorkers(2);
                WhipPublishers publishers = new WhipPublishers(browser, APP + "/");
                List<LiveRoomMediaTest.Room> live = new ArrayList<>();
                List<String> locations = new ArrayList<>();
                for (int i = 0; i < rooms; i++) {
                    LiveRoomMediaTest.Room room = LiveRoomMediaTest.openRoom("Load " + rooms + "-" + i);
                    locations.add((String) publishers.publish(room.whipUrl(), room.key(), 1280, 720).get("location"));
                    live.add(room);
                }
                publishers.page().waitForTimeout(10_000);
                double worstGap = 0;
                double worstShortfall = 0;
                for (int i = 0; i < rooms; i++) {
                    double published = ((Number) publishers.unpublish(locations.get(i)).get("publishedMs")).doubleValue() / 1000;
                    String recording = (String) end(live.get(i).id()).get(0).get("id");
                    double[] spanAndGap = MediaProbe.videoSpanAndLargestGap(LiveRoomMediaTest.recordingFile(live.get(i).id(), recording));
                    worstGap = Math.max(worstGap, spanAndGap[1]);
                    worstShortfall = Math.max(worstShortfall, published - spanAndGap[0]);
                }
                double load = loadAverage();
                System.out.printf("BENCH %d rooms of 720p at once: largest video gap %.3f s, largest shortfall %.2f s, load %.2f%n",
                        rooms, worstGap, worstShortfall, load);
                publishers.page().context().close();
                if (worstGap > 0.5 || worstShortfall > 1.0) {
                    System.out.printf("BENCH gaps from %d rooms on: %d rooms record without gaps%n", rooms, rooms - 1);
                    return;
                }
            }
            System.out.printf("BENCH no gaps up to %d rooms (the bound of this benchmark)%n", MAX_ROOMS);
        }
    }

    static List<Double> goLives(WhipPublishers publishers, int runs, boolean waitForWarmPool) throws Exception {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            if (waitForWarmPool) {
                awaitIdleWorkers(1);
            }
            LiveRoomMediaTest.Room room = LiveRoomMediaTest.openRoom("Go-live " + i);
            Map<String, Object> published = publishers.publish(room.whipUrl(), room.key(), 640, 480);
            latencies.add(((Number) published.get("goLiveMs")).doubleValue());
            publishers.unpublish((String) published.get("location"));
            end(room.id());
        }
        return latencies;
    }

    static void print(String kind, List<Double> latencies) {
        List<Double> sorted = latencies.stream().sorted().toList();
        System.out.printf("BENCH %s go-live (WHIP POST → 201 answer), %d runs: p50 %.0f ms, p95 %.0f ms, min %.0f ms, max %.0f ms%n",
                kind, sorted.size(), sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }

    static List<Map<String, Object>> end(String roomId) {
        return given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).post("/api/rooms/" + roomId + "/end")
                .then().statusCode(200).extract().jsonPath().getList("recordings");
    }

    static List<Map<String, Object>> pool() {
        return given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).get("/api/admin/media/workers")
                .then().statusCode(200).extract().jsonPath().getList("workers");
    }

    static void awaitIdleWorkers(int idle) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (pool().stream().filter(worker -> "IDLE".equals(worker.get("phase"))).count() < idle && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    private static long workerPid(String roomId) {
        return pool().stream().filter(worker -> roomId.equals(worker.get("roomId")) && "ROOM".equals(worker.get("job")))
                .map(worker -> ((Number) worker.get("pid")).longValue()).findFirst().orElseThrow();
    }

    static long cpuTicks(long pid) throws Exception {
        String[] fields = Files.readString(Path.of("/proc", String.valueOf(pid), "stat")).split("\\) ", 2)[1].split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static long rssKb(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:")).map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElse(0L);
    }

    private static double loadAverage() throws Exception {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}

package eu.plenum.liveroom;

import static io.restassured.RestAssured.given;

import eu.plenum.audience.OpenViewers;
import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/**
 * Figures for docs/benchmarks.md, "Live room fan-out"
 * ({@code ./plenum test -Pbench -Dtest=LiveRoomFanoutBenchmark -DskipITs -Dsurefire.failIfNoSpecifiedTests=false
 * -Dlive.bench.participants=1000,2000,5000}; other knobs: {@code live.bench.messages}, {@code message-gap-ms},
 * {@code throughput-messages}, {@code throughput-window}, {@code join-concurrency}, {@code phase-timeout-s}):
 * N open viewers of one open webinar connect their live-room sockets (a signed open-viewer cookie each,
 * Vert.x WebSocket client on a Vertx instance of its own with one event loop, not browsers), then the
 * host sends M chat messages with the send time in the text and every receiver records send → receive;
 * then the host appends chat messages as fast as its socket may (throughput of append + NOTIFY + fan-out
 * on one node). Server and client share this JVM and the machine's 2 cores. Every phase has a hard
 * timeout; all sockets are closed at the end. Prints {@code BENCH LIVE} lines; asserts nothing about speed.
 */
@QuarkusTest
@TestProfile(LiveRoomFanoutBenchmark.ProductionLimits.class)
@WithTestResource(PlenumTestServers.class)
class LiveRoomFanoutBenchmark {

    /** The production rhythms and queue (not the %test ones); only the sender (the host) may send faster. */
    public static class ProductionLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plenum.live.presence-every", "5s", "plenum.live.catch-up-every", "5s",
                    "plenum.live.outgoing-queue-frames", "1000",
                    // host: 5 × 400 = 2,000 frames/s, so the throughput phase measures the room, not the bucket
                    "plenum.live.moderator-factor", "400");
        }
    }

    /** Participants per round, e.g. {@code 1000,2000,5000}: one round after the other in this JVM, a new webinar each. */
    private static final String PARTICIPANT_COUNTS = System.getProperty("live.bench.participants", "1000");
    private static final int MESSAGES = Integer.getInteger("live.bench.messages", 20);
    private static final int MESSAGE_GAP_MS = Integer.getInteger("live.bench.message-gap-ms", 500);
    private static final int THROUGHPUT_MESSAGES = Integer.getInteger("live.bench.throughput-messages", 1000);
    private static final int THROUGHPUT_WINDOW = Integer.getInteger("live.bench.throughput-window", 20);
    private static final int JOIN_CONCURRENCY = Integer.getInteger("live.bench.join-concurrency", 100);
    private static final int PHASE_TIMEOUT_S = Integer.getInteger("live.bench.phase-timeout-s", 180);
    private static final String HOST = "127.0.0.1";
    private static final int PORT = 8081;
    private static final String LATENCY_MARK = "\"text\":\"bench ";
    private static final String THROUGHPUT_MARK = "\"text\":\"tput ";

    @Inject
    OpenViewers openViewers;

    @Test
    void fanOutToOneSession() throws Exception {
        for (String participants : PARTICIPANT_COUNTS.split(",")) {
            new Round(Integer.parseInt(participants.trim())).run();
            Thread.sleep(10_000); // the server has noticed every close before the next round measures its memory
        }
    }

    /** One round: N sockets, their join, the latency messages, the throughput burst, all closed at the end. */
    private final class Round {

        private final int size;

        /** One socket of the load client: whether it was welcomed, and how it ended. */
        private final class Participant {
            final int index;
            volatile WebSocket socket;
            volatile boolean welcomed;
            volatile long throughputFirst;
            volatile long throughputLast;
            final AtomicInteger throughputSeen = new AtomicInteger();

            Participant(int index) {
                this.index = index;
            }

            void onText(String text) {
                long now = System.nanoTime();
                if (!welcomed) {
                    if (text.contains("\"type\":\"welcome\"")) {
                        welcomed = true;
                        welcomedAt.set(now);
                        joined.countDown();
                    }
                    return;
                }
                int at = text.indexOf(LATENCY_MARK);
                if (at >= 0) {
                    String[] parts = text.substring(at + LATENCY_MARK.length(), text.indexOf('"', at + LATENCY_MARK.length())).split(" ");
                    int seq = Integer.parseInt(parts[0]);
                    long sent = Long.parseLong(parts[1]);
                    int slot = delivered[seq].getAndIncrement();
                    if (slot < size) {
                        latencies[seq].set(slot, now - sent);
                    }
                    return;
                }
                if (text.contains(THROUGHPUT_MARK)) {
                    if (throughputSeen.getAndIncrement() == 0) {
                        throughputFirst = now;
                    }
                    throughputLast = now;
                    throughputDeliveries.incrementAndGet();
                    return;
                }
                if (text.contains("\"type\":\"error\"")) {
                    errorFrames.incrementAndGet();
                }
            }
        }

        private final AtomicLong welcomedAt = new AtomicLong();
        private final CountDownLatch joined;
        private final AtomicInteger connectFailures = new AtomicInteger();
        private final AtomicInteger errorFrames = new AtomicInteger();
        private final AtomicInteger exceptions = new AtomicInteger();
        private final Map<Integer, AtomicInteger> closes = new ConcurrentHashMap<>();
        private final AtomicInteger[] delivered = new AtomicInteger[MESSAGES];
        private final AtomicLongArray[] latencies = new AtomicLongArray[MESSAGES];
        private final AtomicLong throughputDeliveries = new AtomicLong();

        Round(int size) {
            this.size = size;
            this.joined = new CountDownLatch(size);
        }

        void run() throws Exception {
            for (int i = 0; i < MESSAGES; i++) {
                delivered[i] = new AtomicInteger();
                latencies[i] = new AtomicLongArray(size);
            }
            String webinarId = openWebinar(size);
            String sessionId = Attendees.firstSession(webinarId);
            List<String> cookies = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                cookies.add("plenum_viewer_" + webinarId + "=" + openViewers.enter(UUID.fromString(webinarId), Optional.empty()).token());
            }
            String hostToken = Tokens.accessToken(Tokens.HOST);
            Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
            WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(size + 10)
                    .setMaxMessageSize(1 << 20).setConnectTimeout(60_000));
            List<Participant> participants = new ArrayList<>(size);
            WebSocket host = null;
            try {
                long heapBefore = heapAfterGc();
                long rssBefore = rssKb();
                System.out.printf("BENCH LIVE %d participants, ulimit -n %s; before connecting: heap %d MB, RSS %d MB%n", size,
                        openFilesLimit(), heapBefore >> 20, rssBefore >> 10);

                // Phase 1: the join storm, at most JOIN_CONCURRENCY upgrades in flight.
                Semaphore inFlight = new Semaphore(JOIN_CONCURRENCY);
                long joinStart = System.nanoTime();
                for (int i = 0; i < size; i++) {
                    if (!inFlight.tryAcquire(PHASE_TIMEOUT_S, TimeUnit.SECONDS)) {
                        break;
                    }
                    Participant participant = new Participant(i);
                    participants.add(participant);
                    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(HOST).setPort(PORT)
                            .setURI("/interact/sessions/" + sessionId + "?name=Viewer" + i).addHeader("Cookie", cookies.get(i));
                    client.connect(options).onComplete(result -> {
                        inFlight.release();
                        if (result.failed()) {
                            connectFailures.incrementAndGet();
                            joined.countDown();
                            return;
                        }
                        WebSocket socket = result.result();
                        participant.socket = socket;
                        socket.textMessageHandler(participant::onText);
                        socket.exceptionHandler(error -> exceptions.incrementAndGet());
                        socket.closeHandler(closed -> {
                            closes.computeIfAbsent(socket.closeStatusCode() == null ? -1 : socket.closeStatusCode().intValue(), code -> new AtomicInteger())
                                    .incrementAndGet();
                            if (!participant.welcomed) {
                                joined.countDown();
                            }
                        });
                    });
                }
                boolean allJoined = joined.await(PHASE_TIMEOUT_S, TimeUnit.SECONDS);
                long welcomedCount = participants.stream().filter(p -> p.welcomed).count();
                double joinSeconds = (welcomedAt.get() - joinStart) / 1e9;
                System.out.printf("BENCH LIVE join: %d of %d sockets welcomed in %.1f s (%.0f joins/s, %d upgrades in flight at most)%s;"
                                + " connect failures %d%n", welcomedCount, size, joinSeconds, welcomedCount / joinSeconds, JOIN_CONCURRENCY,
                        allJoined ? "" : " — phase timeout of " + PHASE_TIMEOUT_S + " s", connectFailures.get());
                Thread.sleep(6_000); // one presence tick on every socket, queues drained
                long heapAfter = heapAfterGc();
                long rssAfter = rssKb();
                System.out.printf("BENCH LIVE memory with %d sockets open (server and client in one JVM): heap after GC %d MB (+%.1f KB per"
                                + " socket), RSS %d MB (+%.1f KB per socket), %d threads%n", welcomedCount, heapAfter >> 20,
                        (heapAfter - heapBefore) / 1024.0 / Math.max(1, welcomedCount), rssAfter >> 10,
                        (rssAfter - rssBefore) / (double) Math.max(1, welcomedCount), ManagementFactory.getThreadMXBean().getThreadCount());

                // Phase 2: M messages from the host, one every MESSAGE_GAP_MS; send → receive at every receiver.
                CountDownLatch hostWelcomed = new CountDownLatch(1);
                AtomicInteger hostAcks = new AtomicInteger();
                host = client.connect(new WebSocketConnectOptions().setHost(HOST).setPort(PORT).setURI("/api/interact/sessions/" + sessionId)
                        .addHeader("Authorization", "Bearer " + hostToken)).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
                host.textMessageHandler(text -> {
                    if (text.contains("\"type\":\"welcome\"")) {
                        hostWelcomed.countDown();
                    } else if (text.contains("\"type\":\"ack\"")) {
                        hostAcks.incrementAndGet();
                    } else if (text.contains("\"type\":\"error\"")) {
                        System.out.println("BENCH LIVE host error: " + text);
                    }
                });
                if (!hostWelcomed.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the host was not welcomed");
                }
                for (int seq = 0; seq < MESSAGES; seq++) {
                    WebSocket sender = host;
                    String frame = "{\"type\":\"chat.send\",\"ref\":\"m" + seq + "\",\"text\":\"bench " + seq + " " + System.nanoTime() + "\"}";
                    vertx.runOnContext(ignored -> sender.writeTextMessage(frame));
                    Thread.sleep(MESSAGE_GAP_MS);
                }
                boolean allArrived = awaitCount(() -> Arrays.stream(delivered).mapToLong(AtomicInteger::get).sum(), MESSAGES * welcomedCount);
                long[] everyDelivery = new long[0];
                long missing = 0;
                for (int seq = 0; seq < MESSAGES; seq++) {
                    int count = Math.min(delivered[seq].get(), size);
                    long[] ofMessage = new long[count];
                    for (int i = 0; i < count; i++) {
                        ofMessage[i] = latencies[seq].get(i);
                    }
                    Arrays.sort(ofMessage);
                    missing += welcomedCount - count;
                    System.out.printf("BENCH LIVE message %d: delivered to %d of %d, send → receive p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                            seq, count, welcomedCount, ms(percentile(ofMessage, 50)), ms(percentile(ofMessage, 99)),
                            ms(count == 0 ? 0 : ofMessage[count - 1]));
                    long[] merged = Arrays.copyOf(everyDelivery, everyDelivery.length + count);
                    System.arraycopy(ofMessage, 0, merged, everyDelivery.length, count);
                    everyDelivery = merged;
                }
                Arrays.sort(everyDelivery);
                System.out.printf("BENCH LIVE fan-out of %d messages (one every %d ms) to %d sockets: %d deliveries, %d missing%s;"
                                + " all deliveries p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", MESSAGES, MESSAGE_GAP_MS, welcomedCount,
                        everyDelivery.length, missing, allArrived ? "" : " (phase timeout)", ms(percentile(everyDelivery, 50)),
                        ms(percentile(everyDelivery, 99)), ms(everyDelivery.length == 0 ? 0 : everyDelivery[everyDelivery.length - 1]));

                // Phase 3: the host appends as fast as its socket may (THROUGHPUT_WINDOW unacknowledged frames at most).
                int acksBefore = hostAcks.get();
                long throughputStart = System.nanoTime();
                long sendDeadline = throughputStart + TimeUnit.SECONDS.toNanos(PHASE_TIMEOUT_S);
                for (int seq = 0; seq < THROUGHPUT_MESSAGES && System.nanoTime() < sendDeadline; seq++) {
                    while (seq - (hostAcks.get() - acksBefore) >= THROUGHPUT_WINDOW && System.nanoTime() < sendDeadline) {
                        Thread.sleep(1);
                    }
                    WebSocket sender = host;
                    String frame = "{\"type\":\"chat.send\",\"ref\":\"t" + seq + "\",\"text\":\"tput " + seq + "\"}";
                    vertx.runOnContext(ignored -> sender.writeTextMessage(frame));
                }
                long acksDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (hostAcks.get() - acksBefore < THROUGHPUT_MESSAGES && System.nanoTime() < acksDeadline) {
                    Thread.sleep(5);
                }
                long appendedNanos = System.nanoTime() - throughputStart;
                int appended = hostAcks.get() - acksBefore;
                boolean throughputComplete = awaitCount(throughputDeliveries::get, (long) appended * welcomedCount);
                long deliveredNanos = participants.stream().mapToLong(p -> p.throughputLast).max().orElse(throughputStart) - throughputStart;
                Participant first = participants.get(0);
                System.out.printf("BENCH LIVE throughput: host's chat.send acknowledged (appended, committed, notified) %d in %.1f s = %.0f"
                                + " messages/s; one receiver got %d in %.1f s = %.0f messages/s; all receivers %d deliveries in %.1f s ="
                                + " %.0f frames/s%s%n", appended, appendedNanos / 1e9, appended / (appendedNanos / 1e9), first.throughputSeen.get(),
                        (first.throughputLast - first.throughputFirst) / 1e9,
                        first.throughputSeen.get() / Math.max(1e-9, (first.throughputLast - first.throughputFirst) / 1e9),
                        throughputDeliveries.get(), deliveredNanos / 1e9, throughputDeliveries.get() / Math.max(1e-9, deliveredNanos / 1e9),
                        throughputComplete ? "" : " (not every receiver got all of them: phase timeout)");
            } finally {
                System.out.printf("BENCH LIVE errors: %d connect failures, %d error frames, %d socket exceptions, closes by code %s%n",
                        connectFailures.get(), errorFrames.get(), exceptions.get(), new TreeMap<>(closes));
                CountDownLatch allClosed = new CountDownLatch(1);
                List<WebSocket> open = new ArrayList<>();
                participants.stream().map(p -> p.socket).filter(s -> s != null).forEach(open::add);
                if (host != null) {
                    open.add(host);
                }
                vertx.runOnContext(ignored -> {
                    open.forEach(socket -> socket.close());
                    allClosed.countDown();
                });
                allClosed.await(30, TimeUnit.SECONDS);
                client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Waits until {@code count} reaches {@code target}, at most the phase timeout, and gives up earlier when
     * nothing arrived for 20 s (closed sockets never receive their share).
     */
    private static boolean awaitCount(java.util.function.LongSupplier count, long target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PHASE_TIMEOUT_S);
        long last = -1;
        long lastProgress = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = count.getAsLong();
            if (now >= target) {
                return true;
            }
            if (now != last) {
                last = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(20)) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** An open webinar (anyone with the watch link, no recording, so entering writes nothing). */
    private static String openWebinar(int participants) {
        Map<String, Object> body = Webinars.sample("Live room fan-out benchmark, " + participants + " participants");
        body.put("registrationMode", "OPEN");
        body.put("recordingPolicy", "OFF");
        body.put("questions", List.of());
        String webinarId = Webinars.create(Tokens.HOST, body);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType("application/json").body(Map.of("accessMode", "OPEN"))
                .put("/api/webinars/" + webinarId + "/access-mode").then().statusCode(200);
        return webinarId;
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKb() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0L);
    }

    private static String openFilesLimit() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/limits")).stream().filter(line -> line.startsWith("Max open files"))
                .map(line -> line.replaceAll("\\s+", " ").trim()).findFirst().orElse("?");
    }
}

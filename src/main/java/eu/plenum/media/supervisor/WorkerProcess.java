package eu.plenum.media.supervisor;

import eu.plenum.media.worker.WorkerProtocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/** One media worker process as its supervisor knows it. */
public final class WorkerProcess {

    private static final Logger LOG = Logger.getLogger(WorkerProcess.class);

    public enum Phase { STARTING, IDLE, BUSY, CLOSING, DEAD }

    /**
     * What a busy worker does for its room: ingest and recording (the room's one worker), serving
     * viewers over WebRTC, or transcoding for HLS. Only ingest counts as a live room of its tenant.
     */
    public enum Job { ROOM, VIEWERS, TRANSCODER }

    private final String id = "w-" + UUID.randomUUID().toString().substring(0, 8);
    private final Process process;
    private final String secret;
    private final Instant launchedAt = Instant.now();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final java.util.concurrent.CountDownLatch outputEnded = new java.util.concurrent.CountDownLatch(1);
    private volatile Phase phase = Phase.STARTING;
    private volatile Instant lastHeartbeat = Instant.now();
    /** When the oldest heartbeat request still unanswered was sent; null when none is outstanding. */
    private volatile Instant unansweredSince;
    private final java.util.concurrent.atomic.AtomicBoolean heartbeatInFlight = new java.util.concurrent.atomic.AtomicBoolean();
    /** Rolled files the supervisor has been told of (see WorkerProtocol.Heartbeat#rolls). */
    private final java.util.concurrent.atomic.AtomicInteger rollsSeen = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger failuresSeen = new java.util.concurrent.atomic.AtomicInteger();
    private volatile String roomId;
    private volatile String tenantId;
    private volatile Job job;
    private volatile WorkerProtocol.Heartbeat lastBeat;
    /** Key-frame wishes of a viewer worker's viewers already relayed, per publisher. */
    private final java.util.Map<String, Integer> keyFrameWantsSeen = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Instant readyAt;

    private final WorkerIdentity identity;

    WorkerProcess(Process process, String secret, WorkerIdentity identity) {
        this.process = process;
        this.secret = secret;
        this.identity = identity;
        Thread reader = new Thread(this::readOutput, "media-worker-output-" + id);
        reader.setDaemon(true);
        reader.start();
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(WorkerProtocol.READY_LINE) && !port.isDone()) {
                    readyAt = Instant.now();
                    port.complete(Integer.parseInt(line.substring(WorkerProtocol.READY_LINE.length()).trim()));
                    continue;
                }
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 20) {
                        lastLines.removeFirst();
                    }
                }
                LOG.debugf("[%s] %s", id, line);
            }
        } catch (IOException ended) {
            // the process is gone; onExit reports it
        }
        outputEnded.countDown();
        port.completeExceptionally(new IllegalStateException("worker ended before it was ready: " + lastOutput()));
    }

    /** Waits (briefly) until the process's last words are read, so that a failed start can quote them. */
    void awaitOutputEnd() {
        try {
            outputEnded.await(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String id() {
        return id;
    }

    /** Who the process is on this machine; give it its room's folders through {@link WorkerIdentity#grant}. */
    public WorkerIdentity identity() {
        return identity;
    }

    public long pid() {
        return process.pid();
    }

    public Phase phase() {
        return phase;
    }

    void phase(Phase phase) {
        this.phase = phase;
    }

    public String roomId() {
        return roomId;
    }

    void roomId(String roomId) {
        this.roomId = roomId;
    }

    String tenantId() {
        return tenantId;
    }

    /** The job it was acquired for; null while idle. */
    public Job job() {
        return job;
    }

    void job(Job job) {
        this.job = job;
    }

    void tenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public Instant launchedAt() {
        return launchedAt;
    }

    public Instant readyAt() {
        return readyAt;
    }

    public Instant lastHeartbeat() {
        return lastHeartbeat;
    }

    /** True once for each new count of failed publishers the worker reports. */
    boolean newFailures(int failures) {
        int seen = failuresSeen.get();
        return failures > seen && failuresSeen.compareAndSet(seen, failures);
    }

    /** The last heartbeat the worker answered, if any. */
    public java.util.Optional<WorkerProtocol.Heartbeat> lastBeat() {
        return java.util.Optional.ofNullable(lastBeat);
    }

    void lastBeat(WorkerProtocol.Heartbeat beat) {
        this.lastBeat = beat;
    }

    /** The publishers for whom the worker's viewers asked for key frames since the last heartbeat. */
    java.util.List<String> newKeyFrameWants(java.util.Map<String, Integer> wants) {
        if (wants == null) {
            return java.util.List.of();
        }
        java.util.List<String> grown = new java.util.ArrayList<>();
        wants.forEach((publisher, count) -> {
            Integer before = keyFrameWantsSeen.put(publisher, count);
            if (before == null || count > before) {
                grown.add(publisher);
            }
        });
        return grown;
    }

    /** True once for each new roll count the worker reports. */
    boolean newRolls(int rolls) {
        int seen = rollsSeen.get();
        return rolls > seen && rollsSeen.compareAndSet(seen, rolls);
    }

    /**
     * Marks a heartbeat request as sent; false when one is still in flight (then none is sent, so a
     * hung worker does not pile up requests).
     */
    boolean heartbeatRequested(Instant now) {
        if (!heartbeatInFlight.compareAndSet(false, true)) {
            return false;
        }
        if (unansweredSince == null) {
            unansweredSince = now;
        }
        return true;
    }

    /** The request in flight ended without an answer (timeout, refused): the silence goes on. */
    void heartbeatUnanswered() {
        heartbeatInFlight.set(false);
    }

    void heartbeatSeen() {
        lastHeartbeat = Instant.now();
        unansweredSince = null;
        heartbeatInFlight.set(false);
    }

    /**
     * How long the worker has left a heartbeat request unanswered. Measured from the request, not
     * from the last answer: a supervisor that was itself held up sent nothing meanwhile, and a
     * worker cannot be blamed for requests that were never made.
     */
    java.time.Duration silence(Instant now) {
        Instant since = unansweredSince;
        return since == null ? java.time.Duration.ZERO : java.time.Duration.between(since, now);
    }

    Process process() {
        return process;
    }

    CompletableFuture<Integer> port() {
        return port;
    }

    String secret() {
        return secret;
    }

    /** The worker's last lines of output, for a plain error when it could not start. */
    public String lastOutput() {
        synchronized (lastLines) {
            return String.join(" | ", lastLines);
        }
    }

    public void kill() {
        process.destroyForcibly();
    }
}

package eu.plenum.media.supervisor;

import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The warm pool: keeps {@code plenum.media.pool-size} idle workers started, hands one to each room
 * that goes live, watches every worker (process exit at once, heartbeats every 200 ms) and
 * replaces the ones that end. A worker that served a room is never reused.
 *
 * <p>The heartbeat thread only watches: it kills a silent worker and hands the loss to CDI's
 * asynchronous observers, so that a room's clean-up (catalogue, hashes) never delays the
 * heartbeats of other rooms. Forking happens outside the pool's lock, on a thread of its own.
 */
@ApplicationScoped
public class WorkerPool {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(15);

    private final MediaConfig config;
    private final WorkerLauncher launcher;
    private final WorkerControlClient control;
    private final Event<WorkerLost> lost;
    private final Event<FilesRolled> rolled;
    private final Event<PublishersFailed> publishersFailed;
    private final Event<KeyFramesWanted> keyFramesWanted;
    private final boolean enabled;
    private final Deque<WorkerProcess> idle = new ArrayDeque<>();
    private final Set<WorkerProcess> starting = new LinkedHashSet<>();
    private final Set<WorkerProcess> busy = new LinkedHashSet<>();
    private final Set<WorkerProcess> closing = new LinkedHashSet<>();
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private final PoolCounters counters = new PoolCounters();
    private final StartBackoff backoff;
    /** Processes being forked right now (outside the lock), counted against the limits. */
    private int launching;
    /** A refill is already scheduled for the end of the back-off. */
    private boolean retryScheduled;
    private ScheduledExecutorService heartbeats;
    private ScheduledExecutorService housekeeping;
    private volatile boolean stopping;

    /** A go-live waiting for a worker to become ready. */
    private record Waiter(CompletableFuture<WorkerProcess> handed, String tenantId, WorkerProcess.Job job) {
    }

    WorkerPool(MediaConfig config, WorkerLauncher launcher, WorkerControlClient control, Event<WorkerLost> lost,
            Event<FilesRolled> rolled, Event<PublishersFailed> publishersFailed, Event<KeyFramesWanted> keyFramesWanted,
            NodeConfig node) {
        this.rolled = rolled;
        this.keyFramesWanted = keyFramesWanted;
        this.publishersFailed = publishersFailed;
        this.config = config;
        this.launcher = launcher;
        this.control = control;
        this.lost = lost;
        this.enabled = node.plays(NodeRole.APP) && node.plays(NodeRole.MEDIA_WORKER);
        this.backoff = new StartBackoff(config.failedStartsBeforeBackoff(), config.startRetryFirst(), config.startRetryMax());
    }

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("media-heartbeats"));
        housekeeping = Executors.newSingleThreadScheduledExecutor(daemon("media-pool"));
        long every = config.heartbeatInterval().toMillis();
        heartbeats.scheduleWithFixedDelay(this::checkHeartbeats, every, every, TimeUnit.MILLISECONDS);
        housekeeping.execute(this::refill);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        List<WorkerProcess> all;
        synchronized (this) {
            all = new ArrayList<>(idle);
            all.addAll(starting);
            all.addAll(busy);
            all.addAll(closing);
        }
        // Closing our end of their standard input makes workers finalise their files and exit.
        all.forEach(WorkerPool::closeQuietly);
        all.forEach(worker -> awaitExit(worker, Duration.ofSeconds(12)));
        if (heartbeats != null) {
            heartbeats.shutdownNow();
            housekeeping.shutdownNow();
        }
        launcher.stopped();
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * Takes an idle worker for a room of a tenant; if none is idle, waits up to
     * {@code plenum.media.go-live-timeout} for one to start. Fails at once, plainly, when the node or
     * the tenant is at its limit or workers cannot start on this node now.
     */
    public WorkerProcess acquire(String roomId, String tenantId) {
        return acquire(roomId, tenantId, WorkerProcess.Job.ROOM);
    }

    /** Takes a worker for {@code job} in a room; viewer and transcoder workers do not count as the tenant's live rooms. */
    public WorkerProcess acquire(String roomId, String tenantId, WorkerProcess.Job job) {
        if (!enabled) {
            throw new NoWorkerException("This node does not run media workers (plenum.roles lacks media-worker).");
        }
        CompletableFuture<WorkerProcess> handed = new CompletableFuture<>();
        synchronized (this) {
            refuseBeyondLimits(tenantId, job);
            WorkerProcess worker = idle.pollFirst();
            if (worker != null) {
                handed.complete(worker);
            } else {
                waiting.addLast(new Waiter(handed, tenantId, job));
            }
        }
        housekeeping.execute(this::refill);
        WorkerProcess worker;
        try {
            worker = handed.get(config.goLiveTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker = takeBackOrLateWorker(handed);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof NoWorkerException refusal ? refusal : new NoWorkerException(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            takeBack(handed);
            throw new NoWorkerException("Interrupted while waiting for a media worker.");
        }
        synchronized (this) {
            worker.phase(WorkerProcess.Phase.BUSY);
            worker.roomId(roomId);
            worker.tenantId(tenantId);
            worker.job(job);
            busy.add(worker);
        }
        return worker;
    }

    /**
     * The wait timed out; but a worker may have been handed over in the instant since. Then it is
     * used rather than lost: a worker handed to nobody would never be watched, nor ever exit.
     */
    private WorkerProcess takeBackOrLateWorker(CompletableFuture<WorkerProcess> handed) {
        if (takeBack(handed)) {
            throw new NoWorkerException("No media worker became free within " + config.goLiveTimeout().toSeconds() + " s.");
        }
        try {
            return handed.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new NoWorkerException("No media worker became free within " + config.goLiveTimeout().toSeconds() + " s.");
        }
    }

    /** Withdraws a waiter; false when it was already served. */
    private synchronized boolean takeBack(CompletableFuture<WorkerProcess> handed) {
        return waiting.removeIf(waiter -> waiter.handed() == handed);
    }

    private void refuseBeyondLimits(String tenantId, WorkerProcess.Job job) {
        long processesOfTenant = busy.stream().filter(worker -> tenantId.equals(worker.tenantId())).count()
                + waiting.stream().filter(waiter -> tenantId.equals(waiter.tenantId())).count();
        if (processesOfTenant >= config.maxWorkersPerTenant()) {
            // Every kind counts: one organisation's audience must not take the node's workers from the others.
            throw new WorkerCapacityException(job == WorkerProcess.Job.ROOM ? 429 : 503,
                    job == WorkerProcess.Job.ROOM ? "tenant-live-room-limit" : "tenant-worker-limit", "Your organisation already uses "
                    + processesOfTenant + " media worker processes on this node (ingest, viewers, transcoding), its limit.");
        }
        long ofTenant = busy.stream().filter(worker -> worker.job() == WorkerProcess.Job.ROOM && tenantId.equals(worker.tenantId())).count()
                + waiting.stream().filter(waiter -> waiter.job() == WorkerProcess.Job.ROOM && tenantId.equals(waiter.tenantId())).count();
        if (job == WorkerProcess.Job.ROOM && ofTenant >= config.maxRoomsPerTenant()) {
            throw new WorkerCapacityException(429, "tenant-live-room-limit", "Your organisation already has " + ofTenant
                    + " live rooms on this node, its limit; end one before going live with another.");
        }
        if (!idle.isEmpty()) {
            return;
        }
        if (backoff.waiting(Instant.now())) {
            throw new NoWorkerException("No media worker can start on this node: " + backoff.lastFailure().orElse("unknown")
                    + " (next attempt " + backoff.retryAt().orElseThrow() + ")");
        }
        boolean startingForOthers = starting.size() + launching <= waiting.size();
        if (startingForOthers && processes() >= config.maxWorkers()) {
            throw new WorkerCapacityException(503, "media-node-full", "This node already runs " + processes()
                    + " media worker processes, its limit (plenum.media.max-workers); try again in a minute.");
        }
    }

    private int processes() {
        return idle.size() + starting.size() + busy.size() + closing.size() + launching;
    }

    /** Whether a go-live would have to wait for a new worker now. */
    public synchronized boolean hasIdleWorker() {
        return !idle.isEmpty();
    }

    /** The room ended cleanly: the worker exits by itself after its close request, or is killed after a grace. */
    public void retire(WorkerProcess worker) {
        synchronized (this) {
            busy.remove(worker);
            if (worker.process().isAlive()) {
                closing.add(worker);
            }
            worker.phase(WorkerProcess.Phase.CLOSING);
        }
        housekeeping.schedule(() -> {
            if (worker.process().isAlive()) {
                worker.kill();
            }
        }, CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized PoolSnapshot snapshot() {
        List<PoolSnapshot.Worker> workers = new ArrayList<>();
        starting.forEach(worker -> workers.add(PoolSnapshot.Worker.of(worker)));
        idle.forEach(worker -> workers.add(PoolSnapshot.Worker.of(worker)));
        busy.forEach(worker -> workers.add(PoolSnapshot.Worker.of(worker)));
        closing.forEach(worker -> workers.add(PoolSnapshot.Worker.of(worker)));
        return new PoolSnapshot(enabled, config.poolSize(), config.maxWorkers(), idle.size(), starting.size(), busy.size(),
                closing.size(), waiting.size(), counters.started(), counters.failed(), counters.failedStarts(),
                backoff.lastFailure(), backoff.cannotStart(), backoff.retryAt(), workers, launcher.workerUser());
    }

    /** Starts workers until the pool has its idle target plus one per waiting room, within the node's limit. */
    private void refill() {
        while (!stopping) {
            synchronized (this) {
                Instant now = Instant.now();
                if (backoff.waiting(now)) {
                    if (!retryScheduled) {
                        retryScheduled = true;
                        long in = Duration.between(now, backoff.retryAt().orElseThrow()).toMillis();
                        housekeeping.schedule(this::retryAfterBackoff, Math.max(1, in), TimeUnit.MILLISECONDS);
                    }
                    return;
                }
                int wanted = config.poolSize() + waiting.size() - idle.size() - starting.size() - launching;
                if (wanted <= 0 || processes() >= config.maxWorkers() || (backoff.cannotStart() && !starting.isEmpty())) {
                    return; // after failures, one probe at a time
                }
                launching++;
            }
            launchOne();
        }
    }

    private void retryAfterBackoff() {
        synchronized (this) {
            retryScheduled = false;
        }
        LOG.infof("Trying to start a media worker again after %d failed starts", backoff.failuresInARow());
        refill();
    }

    /** Forks one worker; runs on the pool's own thread, never under its lock. */
    private void launchOne() {
        WorkerProcess worker = null;
        String failure = null;
        try {
            worker = launcher.start();
        } catch (RuntimeException e) {
            failure = e.getMessage();
        }
        synchronized (this) {
            launching--;
            if (worker == null) {
                startFailed(failure);
                return;
            }
            starting.add(worker);
        }
        watch(worker);
    }

    private void watch(WorkerProcess worker) {
        worker.process().onExit().thenAccept(process -> died(worker, "process exited with code " + process.exitValue()));
        worker.port().orTimeout(config.workerStartTimeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((port, failure) -> {
            if (failure == null) {
                ready(worker);
            } else {
                worker.kill();
            }
        });
    }

    private void ready(WorkerProcess worker) {
        synchronized (this) {
            if (!starting.remove(worker)) {
                return;
            }
            backoff.succeeded();
            counters.startedOne(Duration.between(worker.launchedAt(), worker.readyAt()));
            worker.heartbeatSeen();
            Waiter waiter = waiting.pollFirst();
            if (waiter != null && waiter.handed().complete(worker)) {
                worker.phase(WorkerProcess.Phase.BUSY);
                return;
            }
            worker.phase(WorkerProcess.Phase.IDLE);
            idle.addLast(worker);
        }
        if (!stopping) {
            housekeeping.execute(this::refill); // a success after failures: fill the rest of the pool
        }
    }

    private void died(WorkerProcess worker, String reason) {
        if (worker.phase() == WorkerProcess.Phase.STARTING) {
            worker.awaitOutputEnd();
        }
        boolean servedRoom;
        synchronized (this) {
            WorkerProcess.Phase before = worker.phase();
            if (before == WorkerProcess.Phase.DEAD) {
                return;
            }
            worker.phase(WorkerProcess.Phase.DEAD);
            boolean wasStarting = starting.remove(worker);
            idle.remove(worker);
            closing.remove(worker);
            servedRoom = busy.remove(worker) && before == WorkerProcess.Phase.BUSY;
            if (wasStarting) {
                startFailed(worker.lastOutput().isBlank() ? reason : worker.lastOutput());
            }
        }
        if (servedRoom && !stopping) {
            counters.failedOne();
            LOG.warnf("Media worker %s (pid %d, %s) of room %s died: %s", worker.id(), worker.pid(), worker.job(), worker.roomId(), reason);
            // Asynchronous: the room's clean-up runs on CDI's executor, never on the thread that watches the others.
            lost.fireAsync(new WorkerLost(worker.id(), worker.roomId(), reason, worker.job()));
        }
        if (!stopping) {
            housekeeping.execute(this::refill);
        }
    }

    private void startFailed(String message) {
        backoff.failed(message, Instant.now());
        counters.failedStartOne();
        LOG.errorf("A media worker could not start: %s", message);
        if (backoff.cannotStart()) {
            NoWorkerException refusal = new NoWorkerException("No media worker can start on this node: " + message);
            waiting.forEach(waiter -> waiter.handed().completeExceptionally(refusal));
            waiting.clear();
        }
    }

    private void checkHeartbeats() {
        List<WorkerProcess> watched;
        synchronized (this) {
            watched = new ArrayList<>(idle);
            watched.addAll(busy);
        }
        Instant now = Instant.now();
        for (WorkerProcess worker : watched) {
            Duration silent = worker.silence(now);
            if (silent.compareTo(config.heartbeatTimeout()) > 0) {
                worker.kill();
                died(worker, "no heartbeat for " + silent.toMillis() + " ms");
            } else if (worker.heartbeatRequested(now)) {
                control.heartbeat(worker, config.heartbeatTimeout()).whenComplete((beat, failure) -> {
                    if (failure != null) {
                        worker.heartbeatUnanswered();
                    } else {
                        worker.heartbeatSeen();
                        heard(worker, beat);
                    }
                });
            }
        }
    }

    /**
     * What a heartbeat tells beyond "alive": files rolled by the worker itself, publishers it ended
     * after errors of their own (the room goes on), or a broken pipeline (the room ends).
     */
    private void heard(WorkerProcess worker, eu.plenum.media.worker.WorkerProtocol.Heartbeat beat) {
        worker.lastBeat(beat);
        if (beat.roomId() != null && worker.job() == WorkerProcess.Job.VIEWERS) {
            List<String> wanted = worker.newKeyFrameWants(beat.keyFrameWants());
            if (!wanted.isEmpty()) {
                keyFramesWanted.fireAsync(new KeyFramesWanted(beat.roomId(), wanted));
            }
        }
        if (beat.roomId() != null && worker.newRolls(beat.rolls())) {
            rolled.fireAsync(new FilesRolled(worker.id(), beat.roomId(), beat.current(), beat.rolled()));
        }
        if (beat.roomId() != null && worker.newFailures(beat.failures())) {
            publishersFailed.fireAsync(new PublishersFailed(worker.id(), beat.roomId(), beat.failed()));
        }
        if (beat.fault() != null && worker.phase() == WorkerProcess.Phase.BUSY) {
            worker.kill();
            died(worker, "pipeline error: " + beat.fault());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void closeQuietly(WorkerProcess worker) {
        try {
            worker.process().getOutputStream().close();
        } catch (java.io.IOException ignored) {
            // already gone
        }
    }

    private static void awaitExit(WorkerProcess worker, Duration timeout) {
        try {
            if (!worker.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                worker.kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.kill();
        }
    }
}

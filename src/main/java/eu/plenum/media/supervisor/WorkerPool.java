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
import java.util.Optional;
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
 * that goes live, watches every worker (process exit at once, heartbeats every 250 ms) and
 * replaces the ones that end. A worker that served a room is never reused.
 */
@ApplicationScoped
public class WorkerPool {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class);
    private static final int FAILED_STARTS_BEFORE_GIVING_UP = 3;

    private final MediaConfig config;
    private final WorkerLauncher launcher;
    private final WorkerControlClient control;
    private final Event<WorkerLost> lost;
    private final Event<FilesRolled> rolled;
    private final boolean enabled;
    private final Deque<WorkerProcess> idle = new ArrayDeque<>();
    private final Set<WorkerProcess> starting = new LinkedHashSet<>();
    private final Set<WorkerProcess> busy = new LinkedHashSet<>();
    private final Deque<CompletableFuture<WorkerProcess>> waiting = new ArrayDeque<>();
    private final PoolCounters counters = new PoolCounters();
    private ScheduledExecutorService scheduler;
    private int failedStartsInARow;
    private String lastStartFailure;
    private volatile boolean stopping;

    WorkerPool(MediaConfig config, WorkerLauncher launcher, WorkerControlClient control, Event<WorkerLost> lost,
            Event<FilesRolled> rolled, NodeConfig node) {
        this.rolled = rolled;
        this.config = config;
        this.launcher = launcher;
        this.control = control;
        this.lost = lost;
        this.enabled = node.plays(NodeRole.APP) && node.plays(NodeRole.MEDIA_WORKER);
    }

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "media-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::checkHeartbeats, every, every, TimeUnit.MILLISECONDS);
        refill();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        List<WorkerProcess> all;
        synchronized (this) {
            all = new ArrayList<>(idle);
            all.addAll(starting);
            all.addAll(busy);
        }
        // Closing our end of their standard input makes workers finalise their files and exit.
        all.forEach(worker -> closeQuietly(worker));
        all.forEach(worker -> awaitExit(worker, Duration.ofSeconds(12)));
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * Takes an idle worker for a room; if none is idle, waits up to {@code plenum.media.go-live-timeout}
     * for one to start. Fails plainly when workers cannot start on this node at all.
     */
    public WorkerProcess acquire(String roomId) {
        if (!enabled) {
            throw new NoWorkerException("This node does not run media workers (plenum.roles lacks media-worker).");
        }
        CompletableFuture<WorkerProcess> handed = new CompletableFuture<>();
        synchronized (this) {
            WorkerProcess worker = idle.pollFirst();
            if (worker != null) {
                handed.complete(worker);
            } else {
                if (failedStartsInARow >= FAILED_STARTS_BEFORE_GIVING_UP) {
                    throw new NoWorkerException("No media worker can start on this node: " + lastStartFailure);
                }
                waiting.addLast(handed);
            }
        }
        refill();
        try {
            WorkerProcess worker = handed.get(config.goLiveTimeout().toMillis(), TimeUnit.MILLISECONDS);
            synchronized (this) {
                worker.phase(WorkerProcess.Phase.BUSY);
                worker.roomId(roomId);
                busy.add(worker);
            }
            return worker;
        } catch (TimeoutException e) {
            synchronized (this) {
                waiting.remove(handed);
            }
            throw new NoWorkerException("No media worker became free within " + config.goLiveTimeout().toSeconds() + " s.");
        } catch (ExecutionException e) {
            throw new NoWorkerException(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoWorkerException("Interrupted while waiting for a media worker.");
        }
    }

    /** Whether a go-live would have to wait for a new worker now. */
    public synchronized boolean hasIdleWorker() {
        return !idle.isEmpty();
    }

    /** The room ended cleanly: the worker exits by itself after its close request. */
    public void retire(WorkerProcess worker) {
        synchronized (this) {
            worker.phase(WorkerProcess.Phase.CLOSING);
        }
        scheduler.schedule(() -> {
            if (worker.process().isAlive()) {
                worker.kill();
            }
        }, 15, TimeUnit.SECONDS);
    }

    public synchronized PoolSnapshot snapshot() {
        List<PoolSnapshot.Worker> workers = new ArrayList<>();
        starting.forEach(worker -> workers.add(PoolSnapshot.Worker.of(worker)));
        idle.forEach(worker -> workers.add(PoolSnapshot.Worker.of(worker)));
        busy.forEach(worker -> workers.add(PoolSnapshot.Worker.of(worker)));
        return new PoolSnapshot(enabled, config.poolSize(), idle.size(), starting.size(), busy.size(), waiting.size(),
                counters.started(), counters.failed(), Optional.ofNullable(lastStartFailure), failedStartsInARow >= FAILED_STARTS_BEFORE_GIVING_UP,
                workers);
    }

    private void refill() {
        if (stopping) {
            return;
        }
        List<WorkerProcess> launched = new ArrayList<>();
        synchronized (this) {
            if (failedStartsInARow >= FAILED_STARTS_BEFORE_GIVING_UP) {
                return;
            }
            int wanted = config.poolSize() + waiting.size() - idle.size() - starting.size();
            for (int i = 0; i < wanted; i++) {
                WorkerProcess worker;
                try {
                    worker = launcher.start();
                } catch (RuntimeException e) {
                    startFailed(e.getMessage());
                    break;
                }
                starting.add(worker);
                launched.add(worker);
            }
        }
        launched.forEach(this::watch);
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
            failedStartsInARow = 0;
            counters.startedOne(Duration.between(worker.launchedAt(), worker.readyAt()));
            worker.heartbeatSeen();
            CompletableFuture<WorkerProcess> waiter = waiting.pollFirst();
            if (waiter != null) {
                worker.phase(WorkerProcess.Phase.BUSY);
                waiter.complete(worker);
                return;
            }
            worker.phase(WorkerProcess.Phase.IDLE);
            idle.addLast(worker);
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
            servedRoom = busy.remove(worker) && before == WorkerProcess.Phase.BUSY;
            if (wasStarting) {
                startFailed(worker.lastOutput().isBlank() ? reason : worker.lastOutput());
            }
        }
        if (servedRoom && !stopping) {
            counters.failedOne();
            LOG.warnf("Media worker %s (pid %d) of room %s died: %s", worker.id(), worker.pid(), worker.roomId(), reason);
            lost.fire(new WorkerLost(worker.id(), worker.roomId(), reason));
        }
        if (!stopping) {
            scheduler.execute(this::refill);
        }
    }

    private void startFailed(String message) {
        failedStartsInARow++;
        lastStartFailure = message;
        LOG.errorf("A media worker could not start: %s", message);
        if (failedStartsInARow >= FAILED_STARTS_BEFORE_GIVING_UP) {
            waiting.forEach(waiter -> waiter.completeExceptionally(
                    new NoWorkerException("No media worker can start on this node: " + message)));
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
            if (worker.phase() == WorkerProcess.Phase.CLOSING) {
                continue;
            }
            Duration silent = Duration.between(worker.lastHeartbeat(), now);
            if (silent.compareTo(config.heartbeatTimeout()) > 0) {
                worker.kill();
                died(worker, "no heartbeat for " + silent.toMillis() + " ms");
                continue;
            }
            control.heartbeat(worker, config.heartbeatTimeout()).thenAccept(beat -> {
                worker.heartbeatSeen();
                if (beat.roomId() != null && worker.newRolls(beat.rolls())) {
                    rolled.fireAsync(new FilesRolled(worker.id(), beat.roomId(), beat.current(), beat.rolled()));
                }
                if (beat.fault() != null && worker.phase() == WorkerProcess.Phase.BUSY) {
                    worker.kill();
                    died(worker, "pipeline error: " + beat.fault());
                }
            });
        }
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

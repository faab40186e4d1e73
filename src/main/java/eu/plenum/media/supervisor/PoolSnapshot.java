package eu.plenum.media.supervisor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The pool at one moment: for /q/health, /q/metrics and the admin API. */
public record PoolSnapshot(boolean enabled, int targetIdle, int idle, int starting, int busy, int waitingRooms,
        long workersStarted, long workersFailed, Optional<String> lastStartFailure, boolean cannotStart,
        List<Worker> workers) {

    public record Worker(String id, long pid, String phase, String roomId, Instant launchedAt, Instant lastHeartbeat) {
        static Worker of(WorkerProcess process) {
            return new Worker(process.id(), process.pid(), process.phase().name(), process.roomId(),
                    process.launchedAt(), process.lastHeartbeat());
        }
    }
}

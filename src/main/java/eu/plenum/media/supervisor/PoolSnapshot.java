package eu.plenum.media.supervisor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pool at one moment: for /q/health, /q/metrics and the admin API. {@code workersFailed} counts
 * workers lost while serving a room, {@code failedStarts} workers that never became ready.
 */
public record PoolSnapshot(boolean enabled, int targetIdle, int maxWorkers, int idle, int starting, int busy, int closing,
        int waitingRooms, long workersStarted, long workersFailed, long failedStarts, Optional<String> lastStartFailure,
        boolean cannotStart, Optional<Instant> nextStartAttempt, List<Worker> workers) {

    public record Worker(String id, long pid, String phase, String roomId, Instant launchedAt, Instant lastHeartbeat) {
        static Worker of(WorkerProcess process) {
            return new Worker(process.id(), process.pid(), process.phase().name(), process.roomId(),
                    process.launchedAt(), process.lastHeartbeat());
        }
    }
}

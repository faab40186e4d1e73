package eu.plenum.media.supervisor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pool at one moment: for /q/health, /q/metrics and the admin API. {@code workersFailed} counts
 * workers lost while serving a room, {@code failedStarts} workers that never became ready; {@code workerUser}
 * says whether workers run under user ids of their own.
 */
public record PoolSnapshot(boolean enabled, int targetIdle, int maxWorkers, int idle, int starting, int busy, int closing,
        int waitingRooms, long workersStarted, long workersFailed, long failedStarts, Optional<String> lastStartFailure,
        boolean cannotStart, Optional<Instant> nextStartAttempt, List<Worker> workers, String workerUser) {

    /** One process; {@code job} ROOM (ingest and recording), VIEWERS or TRANSCODER once busy; {@code viewers} it serves now. */
    public record Worker(String id, long pid, String phase, String job, String roomId, int viewers, Instant launchedAt,
            Instant lastHeartbeat, Integer uid) {
        static Worker of(WorkerProcess process) {
            return new Worker(process.id(), process.pid(), process.phase().name(), process.job() == null ? null : process.job().name(),
                    process.roomId(), process.lastBeat().map(beat -> beat.viewers() == null ? 0 : beat.viewers().size()).orElse(0),
                    process.launchedAt(), process.lastHeartbeat(), process.identity().uid().orElse(null));
        }
    }
}

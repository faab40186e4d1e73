package eu.plenum.traffic;

import java.time.Duration;
import java.util.Optional;

/** The rule of load shedding: which saturated resource, if any, stops new work (pure, so it is tested alone). */
record Saturation(Duration maxEventLoopLag, int maxWorkerQueue, int maxDatabaseWaiters) {

    /** The saturated resource's name, or empty when new work may be taken. */
    Optional<String> of(Duration eventLoopLag, int workerQueue, int databaseWaiters) {
        if (eventLoopLag.compareTo(maxEventLoopLag) > 0) {
            return Optional.of("event-loop");
        }
        if (workerQueue > maxWorkerQueue) {
            return Optional.of("worker-pool");
        }
        if (databaseWaiters > maxDatabaseWaiters) {
            return Optional.of("database-pool");
        }
        return Optional.empty();
    }
}

package eu.plenum.media.supervisor;

/** CDI event: a worker that served a room died (exit, crash, kill or missed heartbeats). */
public record WorkerLost(String workerId, String roomId, String reason) {
}

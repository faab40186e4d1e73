package eu.plenum.media.supervisor;

/**
 * CDI event: a busy worker died (exit, crash, kill or missed heartbeats). {@code job} says what it did
 * for the room: only the loss of the {@code ROOM} worker ends the room.
 */
public record WorkerLost(String workerId, String roomId, String reason, WorkerProcess.Job job) {
}

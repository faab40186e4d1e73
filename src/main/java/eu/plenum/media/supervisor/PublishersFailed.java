package eu.plenum.media.supervisor;

import eu.plenum.media.worker.WorkerProtocol;
import java.util.List;

/** CDI event: a worker ended publishers of its room after media errors of their own; the room goes on. */
public record PublishersFailed(String workerId, String roomId, List<WorkerProtocol.FailedPublisher> failed) {
}

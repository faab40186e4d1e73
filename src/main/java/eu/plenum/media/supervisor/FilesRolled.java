package eu.plenum.media.supervisor;

import eu.plenum.media.worker.WorkerProtocol;
import java.util.List;

/**
 * CDI event (async): a worker's publishers ended files on their own (video came late and a new
 * file started); {@code current} are the files being written now, {@code rolled} the ended ones.
 */
public record FilesRolled(String workerId, String roomId, List<WorkerProtocol.File> current, List<WorkerProtocol.File> rolled) {
}

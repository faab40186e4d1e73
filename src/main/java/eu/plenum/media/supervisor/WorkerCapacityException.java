package eu.plenum.media.supervisor;

/**
 * Going live would pass a limit on worker processes: the node's ({@code plenum.media.max-workers},
 * 503, try another node or later) or the tenant's ({@code plenum.media.max-rooms-per-tenant}, 429).
 */
public class WorkerCapacityException extends NoWorkerException {

    private final int status;
    private final String problemType;

    WorkerCapacityException(int status, String problemType, String message) {
        super(message);
        this.status = status;
        this.problemType = problemType;
    }

    public int status() {
        return status;
    }

    public String problemType() {
        return problemType;
    }
}

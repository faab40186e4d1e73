package eu.plenum.media.supervisor;

/** No media worker could be had: none started in time, or none can start on this node. */
public class NoWorkerException extends RuntimeException {

    public NoWorkerException(String message) {
        super(message);
    }
}

package eu.plenum.media.pipeline;

/** A pipeline operation that GStreamer refused or that did not finish in time. */
public class MediaPipelineException extends RuntimeException {

    public MediaPipelineException(String message) {
        super(message);
    }

    public MediaPipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}

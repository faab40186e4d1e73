package eu.plenum.liveroom;

/**
 * A frame the room refuses, answered to its sender only with an error frame
 * ({@code {"type":"error","code":…,"message":…,"ref":…}}); the connection stays open.
 */
public class LiveRefusal extends RuntimeException {

    private final String code;

    /** {@code code} is a short stable slug such as {@code poll-closed}; {@code message} is for people, in English. */
    public LiveRefusal(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

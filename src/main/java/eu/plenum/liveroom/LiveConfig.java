package eu.plenum.liveroom;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Limits and rhythms of the live room's sockets ({@code plenum.live.*}). */
@ConfigMapping(prefix = "plenum.live")
public interface LiveConfig {

    /** Largest client frame in bytes; a larger one gets an error frame and the socket is closed (1009). */
    @WithDefault("4096")
    int maxFrameBytes();

    /** Frames a participant may send per second on one socket (token bucket refill). */
    @WithDefault("5")
    double framesPerSecond();

    /** Burst of the token bucket. */
    @WithDefault("15")
    int frameBurst();

    /** Moderators' bucket is this many times larger (they act in bursts: deleting, banning). */
    @WithDefault("10")
    int moderatorFactor();

    /** Refused frames in a row (rate-limited) after which the socket is closed with 1008. */
    @WithDefault("20")
    int refusalsBeforeClose();

    /** Frames waiting to be written to one socket; beyond it the reader is too slow and is disconnected. */
    @WithDefault("1000")
    int outgoingQueueFrames();

    /** How often every socket hears the room's presence count (moderators also the list). */
    @WithDefault("5s")
    Duration presenceEvery();

    /** How often every node reads its rooms' events from the table even without a notification (safety net). */
    @WithDefault("5s")
    Duration catchUpEvery();

    /** Chat messages a joining participant receives in the welcome state. */
    @WithDefault("50")
    int chatHistory();

    /** Origins allowed besides the request's own host (e.g. the public URL behind a proxy). */
    Optional<List<String>> allowedOrigins();
}

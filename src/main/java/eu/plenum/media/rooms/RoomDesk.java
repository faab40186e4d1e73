package eu.plenum.media.rooms;

import eu.plenum.identity.CurrentHost;
import eu.plenum.media.MediaException;
import eu.plenum.scheduling.RecordingPolicy;
import eu.plenum.scheduling.WebinarSessions;
import eu.plenum.shared.NotFoundException;
import eu.plenum.shared.SecretTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.RequestScoped;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The host's view of live rooms, always within the host's tenant (another tenant's room is a 404). */
@RequestScoped
public class RoomDesk {

    /** Prefix that tells a stream key from an OIDC token in a WHIP Authorization header. */
    public static final String STREAM_KEY_PREFIX = "sk_";

    private final CurrentHost host;
    private final WebinarSessions sessions;
    private final RoomStore store;
    private final String publicUrl;

    RoomDesk(CurrentHost host, WebinarSessions sessions, RoomStore store, @ConfigProperty(name = "plenum.public-url") String publicUrl) {
        this.host = host;
        this.sessions = sessions;
        this.store = store;
        this.publicUrl = publicUrl;
    }

    /** A room view plus the stream key, present only when the key was just made. */
    public record RoomWithKey(RoomView room, String streamKey) {
    }

    /** The session's room if it was opened already; changes nothing (for GET). */
    public java.util.Optional<RoomView> find(UUID webinarId, UUID sessionId) {
        String tenantId = host.tenant().id();
        sessions.find(tenantId, webinarId, sessionId)
                .orElseThrow(() -> new NotFoundException("There is no session " + sessionId + " in webinar " + webinarId + "."));
        return QuarkusTransaction.requiringNew().call(() -> store.ofSession(tenantId, sessionId).map(LiveRoom::id)).map(this::view);
    }

    /** The session's room, made on first use (its stream key is shown then, and only then). */
    public RoomWithKey open(UUID webinarId, UUID sessionId) {
        String tenantId = host.tenant().id();
        var session = sessions.find(tenantId, webinarId, sessionId)
                .orElseThrow(() -> new NotFoundException("There is no session " + sessionId + " in webinar " + webinarId + "."));
        if (session.cancelled()) {
            throw new MediaException(409, "session-cancelled", "This session is cancelled; it cannot go live.");
        }
        String key = STREAM_KEY_PREFIX + SecretTokens.next();
        UUID[] created = new UUID[1];
        UUID roomId = QuarkusTransaction.requiringNew().call(() -> store.ofSession(tenantId, sessionId).map(LiveRoom::id).orElseGet(() -> {
            LiveRoom room = new LiveRoom(tenantId, webinarId, sessionId, SecretTokens.hash(key), hint(key),
                    session.recordingPolicy() != RecordingPolicy.OFF);
            store.persist(room);
            created[0] = room.id();
            return room.id();
        }));
        return new RoomWithKey(view(roomId), roomId.equals(created[0]) ? key : null);
    }

    public RoomView view(UUID roomId) {
        return store.read(roomId, room -> {
            requireOwn(room);
            return RoomViews.of(room, store, publicUrl);
        });
    }

    /** Replaces the stream key; the old one stops working at once. */
    public String rotateStreamKey(UUID roomId) {
        String key = STREAM_KEY_PREFIX + SecretTokens.next();
        store.change(roomId, room -> {
            requireOwn(room);
            room.newStreamKey(SecretTokens.hash(key), hint(key));
            return null;
        });
        return key;
    }

    /** Checks that the room exists and belongs to the host's tenant. */
    public void requireOwn(UUID roomId) {
        store.read(roomId, room -> {
            requireOwn(room);
            return null;
        });
    }

    public RecordingView recording(UUID recordingId) {
        return QuarkusTransaction.requiringNew().call(() -> store.recording(host.tenant().id(), recordingId)
                .map(recording -> RecordingView.of(recording, store.copies(recordingId)))
                .orElseThrow(() -> new NotFoundException("There is no recording " + recordingId + ".")));
    }

    /** Publishes a finished recording of the host's organisation to the webinar's attendees, or takes it back. */
    public RecordingView publish(UUID recordingId, boolean published) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Recording recording = store.recording(host.tenant().id(), recordingId)
                    .orElseThrow(() -> new NotFoundException("There is no recording " + recordingId + "."));
            recording.published(published);
            return RecordingView.of(recording, store.copies(recordingId));
        });
    }

    /** Where the recording's file and its verified copies are, for authorised playback; never shown to clients. */
    public RecordingLocation recordingFile(UUID recordingId) {
        return QuarkusTransaction.requiringNew().call(() -> store.recording(host.tenant().id(), recordingId)
                .map(recording -> RecordingLocation.of(recording, store.copies(recordingId)))
                .orElseThrow(() -> new NotFoundException("There is no recording " + recordingId + ".")));
    }

    private void requireOwn(LiveRoom room) {
        if (room == null || !room.tenantId().equals(host.tenant().id())) {
            throw new MediaException(404, "unknown-room", "There is no such live room.");
        }
    }

    /** Whether a presented stream key is the room's current one (compared as hashes, in constant time). */
    public static boolean keyMatches(LiveRoom room, String presented) {
        return MessageDigest.isEqual(room.streamKeyHash().getBytes(StandardCharsets.US_ASCII),
                SecretTokens.hash(presented).getBytes(StandardCharsets.US_ASCII));
    }

    private static String hint(String key) {
        return "…" + key.substring(key.length() - 4);
    }
}

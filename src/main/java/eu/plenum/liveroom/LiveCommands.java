package eu.plenum.liveroom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * One family of frames that participants send (chat, questions, polls, hands …). The socket
 * endpoint discovers every bean of this type and routes each incoming frame by its {@code type}
 * to the one that owns it, on a worker thread (never the event loop), after the connection's
 * size and rate limits. A handler changes its tables and appends what happened through
 * {@link LiveEvents#append} in one transaction; delivery to the room follows the commit.
 */
public interface LiveCommands {

    /** The frame types this handler owns, e.g. {@code question.ask}; no two handlers share one. */
    Set<String> types();

    /** Handles one frame; throws {@link LiveRefusal} for a refusal that its sender should read. */
    void handle(Participant who, String type, JsonNode frame);

    /**
     * This handler's part of the state a joining (or re-joining) participant receives, as seen by
     * them (e.g. open polls, the current questions), keyed by a name of the handler's own such as
     * {@code polls}; together with the last event id, so that later events follow without a gap.
     */
    Map<String, Object> snapshot(Participant who);
}

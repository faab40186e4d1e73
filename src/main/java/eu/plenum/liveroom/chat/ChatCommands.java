package eu.plenum.liveroom.chat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.plenum.liveroom.LiveCommands;
import eu.plenum.liveroom.LiveConfig;
import eu.plenum.liveroom.LiveEvents;
import eu.plenum.liveroom.LiveRefusal;
import eu.plenum.liveroom.Participant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Chat of a live room: {@code chat.send} (at most 500 characters), and for moderators
 * {@code chat.delete} (the text is removed from the log: late joiners never read it) and
 * {@code chat.settings} (chat off, slow mode: one message per N seconds per attendee).
 */
@ApplicationScoped
public class ChatCommands implements LiveCommands {

    static final int TEXT_LIMIT = 500;

    /** Looked up when used: an edge node has no persistence unit, and injecting it directly fails that node's start. */
    private final jakarta.enterprise.inject.Instance<EntityManager> databases;
    private final LiveEvents events;
    private final LiveConfig config;
    private final Clock clock;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    ChatCommands(jakarta.enterprise.inject.Instance<EntityManager> databases, LiveEvents events, LiveConfig config, Clock clock,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.json = json;
        this.databases = databases;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Set<String> types() {
        return Set.of("chat.send", "chat.delete", "chat.settings");
    }

    @Override
    @Transactional
    public void handle(Participant who, String type, JsonNode frame) {
        switch (type) {
            case "chat.send" -> send(who, frame.path("text").asText(""));
            case "chat.delete" -> delete(who, frame.path("eventId").asLong(0));
            case "chat.settings" -> settings(who, frame);
            default -> throw new LiveRefusal("unknown-type", "Not a chat frame.");
        }
    }

    private void send(Participant who, String raw) {
        String text = raw.replaceAll("[\\p{Cntrl}&&[^\\n]]", "").strip();
        if (text.isEmpty()) {
            throw new LiveRefusal("empty-message", "A message needs some text.");
        }
        if (text.codePointCount(0, text.length()) > TEXT_LIMIT) {
            throw new LiveRefusal("message-too-long", "Messages are limited to " + TEXT_LIMIT + " characters.");
        }
        ChatSetting setting = setting(who.sessionId(), true);
        if (!who.moderates()) {
            if (!setting.enabled()) {
                throw new LiveRefusal("chat-off", "The host has turned the chat off.");
            }
            if (setting.slowSeconds() > 0 && recentlyWrote(who, setting.slowSeconds())) {
                throw new LiveRefusal("slow-mode", "Slow mode: one message every " + setting.slowSeconds() + " seconds.");
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("participantId", who.participantId().toString());
        payload.put("displayName", who.displayName());
        payload.put("role", who.role().name());
        payload.put("text", text);
        events.append(who.sessionId(), who.tenantId(), who, "chat.message", LiveEvents.Audience.EVERYONE, payload, null);
    }

    private boolean recentlyWrote(Participant who, int seconds) {
        Object last = database().createNativeQuery("""
                SELECT max(created_at) FROM live_event WHERE session_id = ?1 AND actor_participant = ?2 AND type = 'chat.message'""")
                .setParameter(1, who.sessionId()).setParameter(2, who.participantId()).getSingleResult();
        return last != null && toInstant(last).isAfter(clock.instant().minusSeconds(seconds));
    }

    private static java.time.Instant toInstant(Object value) {
        if (value instanceof java.time.Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private void delete(Participant who, long eventId) {
        requireModerator(who);
        int removed = database().createNativeQuery("""
                UPDATE live_event SET payload = jsonb_build_object('participantId', payload->'participantId', 'deleted', true)
                WHERE session_id = ?1 AND id = ?2 AND type = 'chat.message' AND payload->>'deleted' IS NULL""")
                .setParameter(1, who.sessionId()).setParameter(2, eventId).executeUpdate();
        if (removed == 0) {
            throw new LiveRefusal("no-such-message", "There is no such message (or it was deleted already).");
        }
        events.append(who.sessionId(), who.tenantId(), who, "chat.deleted", LiveEvents.Audience.EVERYONE, Map.of("eventId", eventId), null);
    }

    private void settings(Participant who, JsonNode frame) {
        requireModerator(who);
        ChatSetting current = setting(who.sessionId(), false);
        boolean enabled = frame.has("enabled") ? frame.path("enabled").asBoolean(true) : current.enabled();
        int slow = frame.has("slowSeconds") ? frame.path("slowSeconds").asInt(-1) : current.slowSeconds();
        if (slow < 0 || slow > 3600) {
            throw new LiveRefusal("bad-slow-mode", "Slow mode is 0 to 3600 seconds.");
        }
        database().createNativeQuery("""
                INSERT INTO live_chat_setting (session_id, enabled, slow_seconds) VALUES (?1, ?2, ?3)
                ON CONFLICT (session_id) DO UPDATE SET enabled = EXCLUDED.enabled, slow_seconds = EXCLUDED.slow_seconds""")
                .setParameter(1, who.sessionId()).setParameter(2, enabled).setParameter(3, slow).executeUpdate();
        events.append(who.sessionId(), who.tenantId(), who, "chat.settings", LiveEvents.Audience.EVERYONE,
                Map.of("enabled", enabled, "slowSeconds", slow), null);
    }

    private record ChatSetting(boolean enabled, int slowSeconds) {
    }

    private ChatSetting setting(UUID sessionId, boolean forShare) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = database().createNativeQuery("SELECT enabled, slow_seconds FROM live_chat_setting WHERE session_id = ?1"
                + (forShare ? "" : " FOR UPDATE")).setParameter(1, sessionId).getResultList();
        return rows.isEmpty() ? new ChatSetting(true, 0)
                : new ChatSetting((Boolean) rows.get(0)[0], ((Number) rows.get(0)[1]).intValue());
    }

    private static void requireModerator(Participant who) {
        if (!who.moderates()) {
            throw new LiveRefusal("not-moderator", "Only the host and moderators may do this.");
        }
    }

    /** The last messages (deleted ones left out) and the chat's settings, as everyone sees them. */
    @Override
    public Map<String, Object> snapshot(Participant who) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = database().createNativeQuery("""
                SELECT id, payload::text, created_at FROM live_event
                WHERE session_id = ?1 AND type = 'chat.message' AND payload->>'deleted' IS NULL ORDER BY id DESC LIMIT ?2""")
                .setParameter(1, who.sessionId()).setParameter(2, config.chatHistory()).getResultList();
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            Object[] row = rows.get(i);
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", ((Number) row[0]).longValue());
            message.put("at", toInstant(row[2]).toString());
            message.put("data", tree((String) row[1]));
            messages.add(message);
        }
        ChatSetting setting = setting(who.sessionId(), true);
        return Map.of("chat", Map.of("messages", messages, "enabled", setting.enabled(), "slowSeconds", setting.slowSeconds()));
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private EntityManager database() {
        return databases.get();
    }
}

package eu.plenum.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.plenum.audience.AttendanceReady;
import eu.plenum.media.RecordingReady;
import eu.plenum.media.SessionEnded;
import eu.plenum.media.SessionWentLive;
import eu.plenum.scheduling.RegistrationCancelled;
import eu.plenum.scheduling.RegistrationConfirmed;
import eu.plenum.scheduling.RegistrationCreated;
import eu.plenum.webhooks.domain.WebhookDeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns other contexts' events into webhook deliveries: one outbox row per subscribed endpoint,
 * written in the producer's own transaction (observers run inside it), so an event whose change rolls
 * back is never sent and one that committed is never lost, even if the node dies right after.
 *
 * <p>Payloads are minimal: ids, times and states. Only {@code registration.*} carry a person's
 * e-mail address, because a receiver (the organisation's CRM or mailing tool) cannot match the
 * registrant without it and has no other way to ask; names, answers and attendance details stay
 * in Plenum (the host downloads the report). Nothing here is logged.
 */
@ApplicationScoped
class WebhookOutbox {

    private final WebhookDeliveryRepository deliveries;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookOutbox(WebhookDeliveryRepository deliveries, ObjectMapper json, Clock clock) {
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    void registrationCreated(@Observes RegistrationCreated event) {
        enqueue(event.tenantId(), WebhookEventType.REGISTRATION_CREATED, event.at(), event.registrationId(),
                registration(event.webinarId(), event.registrationId(), event.email(), "UNCONFIRMED"));
    }

    void registrationConfirmed(@Observes RegistrationConfirmed event) {
        enqueue(event.tenantId(), WebhookEventType.REGISTRATION_CONFIRMED, event.at(), event.registrationId(),
                registration(event.webinarId(), event.registrationId(), event.email(), event.status()));
    }

    void registrationCancelled(@Observes RegistrationCancelled event) {
        Map<String, Object> data = registration(event.webinarId(), event.registrationId(), event.email(), null);
        data.put("reason", event.reason());
        enqueue(event.tenantId(), WebhookEventType.REGISTRATION_CANCELLED, event.at(), event.registrationId(), data);
    }

    void sessionLive(@Observes SessionWentLive event) {
        enqueue(event.tenantId(), WebhookEventType.SESSION_LIVE, event.at(), null,
                session(event.webinarId(), event.sessionId(), event.roomId()));
    }

    void sessionEnded(@Observes SessionEnded event) {
        Map<String, Object> data = session(event.webinarId(), event.sessionId(), event.roomId());
        data.put("reason", event.reason());
        enqueue(event.tenantId(), WebhookEventType.SESSION_ENDED, event.at(), null, data);
    }

    void recordingReady(@Observes RecordingReady event) {
        Map<String, Object> data = session(event.webinarId(), event.sessionId(), event.roomId());
        data.put("recordingId", event.recordingId());
        data.put("status", event.status());
        data.put("durationMs", event.durationMs());
        data.put("sizeBytes", event.sizeBytes());
        enqueue(event.tenantId(), WebhookEventType.RECORDING_READY, event.at(), null, data);
    }

    void attendanceReady(@Observes AttendanceReady event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webinarId", event.webinarId());
        data.put("sessionId", event.sessionId());
        data.put("attendees", event.attendees());
        enqueue(event.tenantId(), WebhookEventType.ATTENDANCE_READY, event.at(), null, data);
    }

    /** Writes the rows in the producer's transaction; without one, the event would be sent whatever became of its change. */
    @Transactional(Transactional.TxType.MANDATORY)
    void enqueue(String tenantId, WebhookEventType type, Instant at, UUID registrationId, Map<String, Object> data) {
        UUID eventId = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", type.wire());
        body.put("createdAt", (at == null ? clock.instant() : at).toString());
        body.put("tenant", tenantId);
        body.put("data", data);
        deliveries.enqueue(tenantId, eventId, type.wire(), write(body), registrationId, clock.instant());
    }

    private static Map<String, Object> registration(UUID webinarId, UUID registrationId, String email, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webinarId", webinarId);
        data.put("registrationId", registrationId);
        data.put("email", email);
        if (status != null) {
            data.put("status", status);
        }
        return data;
    }

    private static Map<String, Object> session(UUID webinarId, UUID sessionId, UUID roomId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webinarId", webinarId);
        data.put("sessionId", sessionId);
        data.put("roomId", roomId);
        return data;
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

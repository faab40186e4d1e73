package eu.plenum.scheduling;

import eu.plenum.scheduling.domain.RegistrationQuestion;
import eu.plenum.scheduling.domain.Webinar;
import eu.plenum.scheduling.domain.WebinarSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** A webinar as the API and pages show it: UTC instants plus the wall-clock time in its zone. */
public record WebinarView(
        UUID id,
        String title,
        String description,
        List<String> speakers,
        String language,
        String timeZone,
        LocalDateTime start,
        int durationMinutes,
        Recurrence recurrence,
        Integer recurrenceCount,
        LocalDate recurrenceUntil,
        int capacity,
        RegistrationMode registrationMode,
        RecordingPolicy recordingPolicy,
        String status,
        int sequence,
        List<Integer> reminderMinutes,
        List<SessionView> sessions,
        List<QuestionView> questions) {

    /** One session; {@code startLocal} is in the webinar's time zone. */
    public record SessionView(UUID id, int occurrence, Instant startsAt, Instant endsAt, LocalDateTime startLocal,
            String status, boolean moved) {
    }

    /** One registration question. */
    public record QuestionView(UUID id, QuestionKind kind, String label, boolean required, List<String> choices) {
    }

    static WebinarView of(Webinar webinar) {
        return new WebinarView(webinar.id(), webinar.title(), webinar.description(), webinar.speakers(), webinar.language(),
                webinar.zone().getId(), webinar.startLocal(), (int) webinar.duration().toMinutes(), webinar.recurrence(),
                webinar.recurrenceCount(), webinar.recurrenceUntil(), webinar.capacity(), webinar.registrationMode(),
                webinar.recordingPolicy(), webinar.status().name(), webinar.icalSequence(), webinar.reminderMinutes(),
                webinar.sessions().stream().map(session -> session(webinar, session)).toList(),
                webinar.questions().stream().map(WebinarView::question).toList());
    }

    private static SessionView session(Webinar webinar, WebinarSession session) {
        return new SessionView(session.id(), session.occurrence(), session.startsAt(), session.endsAt(),
                LocalDateTime.ofInstant(session.startsAt(), webinar.zone()), session.status().name(), session.moved());
    }

    private static QuestionView question(RegistrationQuestion question) {
        return new QuestionView(question.id(), question.kind(), question.label(), question.required(), question.choices());
    }

    /** The next session that has not ended, if any. */
    public java.util.Optional<SessionView> nextSession(Instant now) {
        return sessions.stream().filter(s -> "SCHEDULED".equals(s.status()) && s.endsAt().isAfter(now)).findFirst();
    }
}

package eu.plenum.scheduling.domain;

import eu.plenum.scheduling.Recurrence;
import eu.plenum.scheduling.RecordingPolicy;
import eu.plenum.scheduling.RegistrationMode;
import eu.plenum.scheduling.WebinarPlan;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A tenant's webinar: what it is, when its sessions are, and who may register. */
@Entity
@Table(name = "webinar")
public class Webinar {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false, length = 63)
    private String tenantId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 10000)
    private String description;

    @Column(length = 1000)
    private String speakers;

    @Column(nullable = false, length = 12)
    private String language;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "start_local", nullable = false)
    private LocalDateTime startLocal;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Recurrence recurrence;

    @Column(name = "recurrence_count")
    private Integer recurrenceCount;

    @Column(name = "recurrence_until")
    private LocalDate recurrenceUntil;

    @Column(nullable = false)
    private int capacity;

    @Enumerated(EnumType.STRING)
    @Column(name = "registration_mode", nullable = false, length = 8)
    private RegistrationMode registrationMode;

    @Enumerated(EnumType.STRING)
    @Column(name = "recording_policy", nullable = false, length = 16)
    private RecordingPolicy recordingPolicy;

    @Enumerated(EnumType.STRING)
    @Column(name = "access_mode", nullable = false, length = 16)
    private eu.plenum.scheduling.AccessMode accessMode = eu.plenum.scheduling.AccessMode.REGISTRATION;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private WebinarStatus status;

    @Column(name = "reminder_minutes", nullable = false, length = 40)
    private String reminderMinutes;

    @Column(name = "ical_sequence", nullable = false)
    private int icalSequence;

    @Column(name = "created_by", nullable = false, updatable = false, length = 120)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private int version;

    @OneToMany(mappedBy = "webinar", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("occurrence")
    private List<WebinarSession> sessions = new ArrayList<>();

    @OneToMany(mappedBy = "webinar", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<RegistrationQuestion> questions = new ArrayList<>();

    protected Webinar() {
    }

    public static Webinar schedule(String tenantId, String createdBy, WebinarPlan plan) {
        Webinar webinar = new Webinar();
        webinar.id = UUID.randomUUID();
        webinar.tenantId = tenantId;
        webinar.createdBy = createdBy;
        webinar.createdAt = OffsetDateTime.now();
        webinar.status = WebinarStatus.SCHEDULED;
        webinar.apply(plan, Instant.MIN);
        return webinar;
    }

    /**
     * Applies an edited plan. Sessions that already started, and sessions the host moved or
     * cancelled on their own, keep what they have; the others follow the new schedule.
     */
    public void revise(WebinarPlan plan, Instant now) {
        apply(plan, now);
        icalSequence++;
    }

    public void cancel() {
        status = WebinarStatus.CANCELLED;
        sessions.forEach(WebinarSession::cancel);
        icalSequence++;
        touch();
    }

    public void moveSession(UUID sessionId, LocalDateTime newStartLocal) {
        Instant start = Schedule.toInstant(newStartLocal, zone());
        session(sessionId).moveTo(start, start.plus(duration()));
        icalSequence++;
        touch();
    }

    public void cancelSession(UUID sessionId) {
        session(sessionId).cancel();
        icalSequence++;
        touch();
    }

    public Optional<WebinarSession> findSession(UUID sessionId) {
        return sessions.stream().filter(session -> session.id().equals(sessionId)).findFirst();
    }

    private WebinarSession session(UUID sessionId) {
        return findSession(sessionId).orElseThrow(() -> new IllegalArgumentException("no session " + sessionId));
    }

    private void apply(WebinarPlan plan, Instant now) {
        title = plan.title().strip();
        description = blankToNull(plan.description());
        speakers = plan.speakers().isEmpty() ? null : String.join("\n", plan.speakers());
        language = plan.language();
        timeZone = plan.zone().getId();
        startLocal = plan.startLocal();
        durationMinutes = (int) plan.duration().toMinutes();
        recurrence = plan.recurrence();
        recurrenceCount = plan.recurrence() == Recurrence.NONE ? null : plan.recurrenceCount();
        recurrenceUntil = plan.recurrence() == Recurrence.NONE ? null : plan.recurrenceUntil();
        capacity = plan.capacity();
        registrationMode = plan.registrationMode();
        recordingPolicy = plan.recordingPolicy();
        reminderMinutes = String.join(",", plan.reminderMinutes().stream().sorted(java.util.Comparator.reverseOrder())
                .map(String::valueOf).toList());
        replaceQuestions(plan.questions());
        reschedule(now);
        touch();
    }

    /** Updates questions in place by position (their ids stay, so answers keep their question); drops the rest. */
    private void replaceQuestions(List<WebinarPlan.Question> planned) {
        questions.removeIf(question -> question.position() >= planned.size());
        for (int i = 0; i < planned.size(); i++) {
            WebinarPlan.Question question = planned.get(i);
            if (i < questions.size()) {
                questions.get(i).update(question.kind(), question.label().strip(), question.required(), question.choices());
            } else {
                questions.add(new RegistrationQuestion(this, i, question.kind(), question.label().strip(), question.required(),
                        question.choices()));
            }
        }
    }

    private void reschedule(Instant now) {
        List<Schedule.Occurrence> occurrences = schedule().occurrences();
        for (Schedule.Occurrence occurrence : occurrences) {
            Optional<WebinarSession> existing = sessions.stream().filter(s -> s.occurrence() == occurrence.index()).findFirst();
            if (existing.isEmpty()) {
                sessions.add(new WebinarSession(this, occurrence));
            } else if (keepsItsTime(existing.get(), now)) {
                continue;
            } else {
                existing.get().retime(occurrence.start(), occurrence.end());
            }
        }
        sessions.stream()
                .filter(session -> session.occurrence() >= occurrences.size() && !session.startsAt().isBefore(now))
                .forEach(WebinarSession::cancel);
    }

    private static boolean keepsItsTime(WebinarSession session, Instant now) {
        return session.moved() || session.status() == WebinarStatus.CANCELLED || session.startsAt().isBefore(now);
    }

    private void touch() {
        updatedAt = OffsetDateTime.now();
    }

    public Schedule schedule() {
        return new Schedule(startLocal, zone(), duration(), recurrence, recurrenceCount, recurrenceUntil);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<String> speakers() {
        return speakers == null ? List.of() : Arrays.asList(speakers.split("\n"));
    }

    public String language() {
        return language;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public LocalDateTime startLocal() {
        return startLocal;
    }

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    public Recurrence recurrence() {
        return recurrence;
    }

    public Integer recurrenceCount() {
        return recurrenceCount;
    }

    public LocalDate recurrenceUntil() {
        return recurrenceUntil;
    }

    public int capacity() {
        return capacity;
    }

    public RegistrationMode registrationMode() {
        return registrationMode;
    }

    public eu.plenum.scheduling.AccessMode accessMode() {
        return accessMode;
    }

    public void accessMode(eu.plenum.scheduling.AccessMode mode) {
        this.accessMode = mode;
    }

    public RecordingPolicy recordingPolicy() {
        return recordingPolicy;
    }

    public WebinarStatus status() {
        return status;
    }

    /** Minutes before a session at which registrants are reminded, largest first. */
    public List<Integer> reminderMinutes() {
        return reminderMinutes.isBlank() ? List.of() : Arrays.stream(reminderMinutes.split(",")).map(Integer::valueOf).toList();
    }

    public int icalSequence() {
        return icalSequence;
    }

    public List<WebinarSession> sessions() {
        return List.copyOf(sessions);
    }

    public List<RegistrationQuestion> questions() {
        return List.copyOf(questions);
    }
}

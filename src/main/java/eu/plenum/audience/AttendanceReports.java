package eu.plenum.audience;

import eu.plenum.audience.AttendanceIntervals.Interval;
import eu.plenum.audience.domain.AttendanceRepository;
import eu.plenum.identity.CurrentHost;
import eu.plenum.scheduling.RegistrantDesk;
import eu.plenum.scheduling.RegistrantView;
import eu.plenum.scheduling.WebinarPlanner;
import eu.plenum.scheduling.WebinarView;
import eu.plenum.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The host's attendance report of one session: who attended (name and e-mail, for the tenant's hosts
 * only), first join, last leave, minutes attended within the session's live window (the page is
 * open in the lobby before the start too; that wait does not count once the session went live),
 * devices, questions and polls (from {@link AttendeeInteractions}), and the funnel from registrations
 * to attendees. Another tenant's webinar is a 404, as everywhere.
 */
@ApplicationScoped
public class AttendanceReports {

    /** At most a day of one-minute points on the chart. */
    private static final int MAX_MINUTES = 24 * 60;

    private final AttendanceRepository repository;
    private final WebinarPlanner planner;
    private final RegistrantDesk registrants;
    private final CurrentHost host;
    private final AttendeeInteractions interactions;
    private final AudienceConfig config;
    private final Clock clock;

    AttendanceReports(AttendanceRepository repository, WebinarPlanner planner, RegistrantDesk registrants, CurrentHost host,
            AttendeeInteractions interactions, AudienceConfig config, Clock clock) {
        this.repository = repository;
        this.planner = planner;
        this.registrants = registrants;
        this.host = host;
        this.interactions = interactions;
        this.config = config;
        this.clock = clock;
    }

    /** Registrations → seats → attendees. */
    public record Funnel(int registrations, int seats, int attended) {
    }

    /** One registration that attended. {@code questionsAsked}/{@code pollsAnswered} are null while unknown. */
    public record Attendee(UUID registrationId, String name, String email, Instant firstJoin, Instant lastLeave, long minutesAttended,
            int devices, Integer questionsAsked, Integer pollsAnswered) {
    }

    /** The whole report; {@code concurrent} is attendees present per minute from {@code timelineFrom}. */
    public record Report(UUID webinarId, String webinarTitle, UUID sessionId, Instant sessionStartsAt, Instant liveFrom,
            Instant liveUntil, boolean complete, Funnel funnel, List<Attendee> attendees, boolean interactionsKnown,
            Instant timelineFrom, List<Integer> concurrent) {
    }

    @Transactional
    public Report report(UUID webinarId, UUID sessionId) {
        WebinarView webinar = planner.get(webinarId); // 404 unless it is the host's tenant's
        WebinarView.SessionView session = webinar.sessions().stream().filter(s -> s.id().equals(sessionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("The webinar has no session " + sessionId + "."));
        String tenantId = host.tenant().id();
        Instant now = clock.instant();
        Optional<AttendanceRepository.LiveWindow> window = repository.windowForTenant(tenantId, sessionId);
        List<AttendanceRepository.Presence> presences = repository.ofSessionForTenant(tenantId, sessionId);
        Map<UUID, List<Interval>> intervals = intervalsByRegistration(presences, window.orElse(null), now);
        List<RegistrantView> everyone = registrants.list(webinarId, null);
        Map<UUID, AttendeeInteractions.Counts> counts = interactions.countsFor(tenantId, sessionId, intervals.keySet());
        boolean known = interactions.available();
        List<Attendee> attendees = new ArrayList<>();
        for (RegistrantView registrant : everyone) {
            List<Interval> own = intervals.get(registrant.id());
            if (own == null || own.isEmpty()) {
                continue;
            }
            long devices = presences.stream().filter(p -> p.registrationId().equals(registrant.id()))
                    .map(AttendanceRepository.Presence::attendeeSessionId).distinct().count();
            AttendeeInteractions.Counts done = counts.getOrDefault(registrant.id(), new AttendeeInteractions.Counts(0, 0));
            attendees.add(new Attendee(registrant.id(), registrant.name(), registrant.email(), own.get(0).start(),
                    own.get(own.size() - 1).end(), Math.round(AttendanceIntervals.total(own).toSeconds() / 60.0), (int) devices,
                    known ? done.questionsAsked() : null, known ? done.pollsAnswered() : null));
        }
        attendees.sort(Comparator.comparing(Attendee::firstJoin).thenComparing(Attendee::name));
        int seats = (int) everyone.stream().filter(r -> "REGISTERED".equals(r.status())).count();
        Instant from = window.map(AttendanceRepository.LiveWindow::liveFrom)
                .orElse(attendees.stream().map(Attendee::firstJoin).min(Comparator.naturalOrder()).orElse(null));
        return new Report(webinarId, webinar.title(), sessionId, session.startsAt(),
                window.map(AttendanceRepository.LiveWindow::liveFrom).orElse(null),
                window.map(AttendanceRepository.LiveWindow::liveUntil).orElse(null),
                window.map(w -> w.finalAt() != null).orElse(false),
                new Funnel(everyone.size(), seats, attendees.size()), attendees, known,
                from, from == null ? List.of() : concurrent(intervals, from, window.map(w -> w.liveUntil()).orElse(now)));
    }

    /** How many registrations attended a session (for attendance.ready, where no host is signed in). */
    int attendeeCount(AttendanceRepository.LiveWindow window, Instant now) {
        return (int) intervalsByRegistration(repository.ofSessionForTenant(window.tenantId(), window.sessionId()), window, now)
                .values().stream().filter(list -> !list.isEmpty()).count();
    }

    /** Merged intervals per registration, clipped to the live window once the session went live. */
    private Map<UUID, List<Interval>> intervalsByRegistration(List<AttendanceRepository.Presence> presences,
            AttendanceRepository.LiveWindow window, Instant now) {
        Map<UUID, List<Interval>> raw = new LinkedHashMap<>();
        for (AttendanceRepository.Presence presence : presences) {
            // An open presence lasts until now (its heartbeat is fresh, or the sweeper will close it at the last one).
            Instant end = presence.disconnectedAt() != null ? presence.disconnectedAt() : now;
            raw.computeIfAbsent(presence.registrationId(), id -> new ArrayList<>()).add(new Interval(presence.connectedAt(), end));
        }
        Map<UUID, List<Interval>> merged = new HashMap<>();
        Duration bridge = config.attendance().bridge();
        raw.forEach((registration, list) -> {
            List<Interval> intervals = AttendanceIntervals.merge(list, bridge);
            if (window != null && window.liveFrom() != null) {
                intervals = AttendanceIntervals.clip(intervals, window.liveFrom(), window.liveUntil() == null ? now : window.liveUntil());
            }
            merged.put(registration, intervals);
        });
        return merged;
    }

    private static List<Integer> concurrent(Map<UUID, List<Interval>> intervals, Instant from, Instant until) {
        List<Integer> perMinute = new ArrayList<>();
        for (Instant minute = from; !minute.isAfter(until) && perMinute.size() < MAX_MINUTES; minute = minute.plusSeconds(60)) {
            Instant at = minute;
            perMinute.add((int) intervals.values().stream()
                    .filter(list -> list.stream().anyMatch(i -> !i.start().isAfter(at) && i.end().isAfter(at))).count());
        }
        return perMinute;
    }
}

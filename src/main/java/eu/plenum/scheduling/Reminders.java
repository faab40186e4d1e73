package eu.plenum.scheduling;

import eu.plenum.scheduling.domain.Registration;
import eu.plenum.scheduling.domain.RegistrationRepository;
import eu.plenum.scheduling.domain.Webinar;
import eu.plenum.scheduling.domain.WebinarRepository;
import eu.plenum.scheduling.domain.WebinarSession;
import eu.plenum.scheduling.domain.WebinarStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Queues reminders before each session (by default 24 h and 1 h). Safe on any number of app
 * nodes: every reminder has a dedupe key (session, offset, registration) that the outbox inserts
 * at most once. After downtime it sends only the latest reminder that is due, never a backlog, and
 * never reminds a registration that was confirmed after the reminder's time.
 */
@ApplicationScoped
public class Reminders {

    /** Reminders are never more than a week before a session. */
    static final Duration HORIZON = Duration.ofDays(7);

    private final WebinarRepository webinars;
    private final RegistrationRepository registrations;
    private final RegistrationMails mails;
    private final Clock clock;

    Reminders(WebinarRepository webinars, RegistrationRepository registrations, RegistrationMails mails, Clock clock) {
        this.webinars = webinars;
        this.registrations = registrations;
        this.mails = mails;
        this.clock = clock;
    }

    @Scheduled(every = "${plenum.reminders.every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        queueDue(clock.instant());
    }

    /** Queues every reminder due at {@code now}; returns how many new mails were queued. */
    public int queueDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int queued = 0;
            for (Webinar webinar : webinars.withSessionsStartingBetween(now, now.plus(HORIZON))) {
                for (WebinarSession session : webinar.sessions()) {
                    Optional<Integer> offset = dueOffset(webinar, session, now);
                    if (offset.isEmpty()) {
                        continue;
                    }
                    Instant remindAt = session.startsAt().minus(Duration.ofMinutes(offset.get()));
                    WebinarView view = WebinarView.of(webinar);
                    for (Registration registration : registrations.holdingSeats(webinar.id())) {
                        if (registration.confirmedAt() != null && registration.confirmedAt().isBefore(remindAt)
                                && mails.reminder(view, session.id(), session.startsAt(), offset.get(), registration)) {
                            queued++;
                        }
                    }
                }
            }
            return queued;
        });
    }

    /** The smallest configured offset whose time has come for a future session: the one reminder worth sending now. */
    static Optional<Integer> dueOffset(Webinar webinar, WebinarSession session, Instant now) {
        if (session.status() != WebinarStatus.SCHEDULED || !session.startsAt().isAfter(now)) {
            return Optional.empty();
        }
        return webinar.reminderMinutes().stream()
                .filter(minutes -> !session.startsAt().minus(Duration.ofMinutes(minutes)).isAfter(now))
                .min(Comparator.naturalOrder());
    }
}

package eu.plenum.audience;

import eu.plenum.audience.domain.AttendanceRepository;
import eu.plenum.media.SessionEnded;
import eu.plenum.media.SessionWentLive;
import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps each session's live window (first go-live to last end) and makes its attendance final
 * {@code plenum.audience.attendance.final-after} after a live period ended, unless it went live again:
 * then {@link AttendanceReady} is fired (webhooks sends {@code attendance.ready}). Runs on every app
 * node; a session due is locked by one of them (SKIP LOCKED), so it is announced once.
 */
@ApplicationScoped
class AttendanceFinalisation {

    private static final Logger LOG = Logger.getLogger(AttendanceFinalisation.class);

    private final AttendanceRepository repository;
    private final AttendanceReports reports;
    private final AudienceConfig config;
    private final Event<AttendanceReady> ready;
    private final Clock clock;
    private final boolean appNode;

    AttendanceFinalisation(AttendanceRepository repository, AttendanceReports reports, AudienceConfig config,
            Event<AttendanceReady> ready, Clock clock, NodeConfig node) {
        this.repository = repository;
        this.reports = reports;
        this.config = config;
        this.ready = ready;
        this.clock = clock;
        this.appNode = node.plays(NodeRole.APP);
    }

    /** In media's transaction: the window opens, and what was final is not any more. */
    void wentLive(@Observes SessionWentLive live) {
        repository.wentLive(live.sessionId(), live.tenantId(), live.webinarId(), live.at() == null ? clock.instant() : live.at());
    }

    void ended(@Observes SessionEnded ended) {
        Instant at = ended.at() == null ? clock.instant() : ended.at();
        repository.ended(ended.sessionId(), ended.tenantId(), ended.webinarId(), at, at.plus(config.attendance().finalAfter()));
    }

    @Scheduled(every = "${plenum.audience.attendance.finalise-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void finaliseDue() {
        if (!appNode) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Instant now = clock.instant();
                List<AttendanceRepository.LiveWindow> due = repository.dueFinal(now, 20);
                for (AttendanceRepository.LiveWindow window : due) {
                    int attendees = reports.attendeeCount(window, now);
                    repository.markFinal(window.sessionId(), now);
                    ready.fire(new AttendanceReady(window.tenantId(), window.webinarId(), window.sessionId(), attendees, now));
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Attendance not finalised: %s", e.getClass().getSimpleName());
        }
    }
}

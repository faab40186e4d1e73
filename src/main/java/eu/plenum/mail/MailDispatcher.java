package eu.plenum.mail;

import eu.plenum.mail.domain.OutboxMail;
import eu.plenum.mail.domain.OutboxRepository;
import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.residency.PersonalDataTransfer;
import eu.plenum.residency.PlaceKind;
import eu.plenum.residency.TransferGuard;
import eu.plenum.residency.TransferRefusedException;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due mail from the outbox. Each run claims a batch with FOR UPDATE SKIP LOCKED, so two app
 * nodes never send the same mail; each mail passes the transfer guard for the declared mail relay
 * first. Failures are retried with a growing pause. Logs name mail ids, never recipients.
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);
    private static final int BATCH = 20;

    private final OutboxRepository outbox;
    private final Mailer mailer;
    private final TransferGuard guard;
    private final DeclaredPlaces places;
    private final Clock clock;
    private final String from;

    MailDispatcher(OutboxRepository outbox, Mailer mailer, TransferGuard guard, DeclaredPlaces places, Clock clock,
            @ConfigProperty(name = "plenum.mail.from", defaultValue = "webinars@plenum.localhost") String from) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.guard = guard;
        this.places = places;
        this.clock = clock;
        this.from = from;
    }

    @Scheduled(every = "${plenum.mail.dispatch-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        while (dispatchBatch() == BATCH) {
            // keep going while full batches come back
        }
    }

    /** Sends one batch of due mail; returns how many were claimed. */
    public int dispatchBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxMail> due = outbox.claimDue(clock.instant(), BATCH);
            for (OutboxMail mail : due) {
                send(mail);
            }
            return due.size();
        });
    }

    private void send(OutboxMail mail) {
        DeclaredPlace relay = places.ofKind(PlaceKind.MAIL_RELAY).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No mail relay is declared in plenum.residency.places"));
        try {
            guard.authorize(new PersonalDataTransfer("e-mail", "mail " + mail.id(), mail.tenantId(), relay.name(),
                    relay.region().code(), null));
            Mail message = Mail.withText(mail.recipient(), mail.subject(), mail.bodyText()).setHtml(mail.bodyHtml()).setFrom(from);
            if (mail.calendar() != null) {
                message.addAttachment("invite.ics", mail.calendar().getBytes(StandardCharsets.UTF_8),
                        "text/calendar; charset=UTF-8; method=" + mail.calendarMethod());
            }
            mailer.send(message);
            mail.sent(clock.instant());
        } catch (TransferRefusedException refused) {
            mail.failed("refused by the residency guard", clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("Mail %s not sent (attempt %d): %s", mail.id(), mail.attempts() + 1, e.getClass().getSimpleName());
            mail.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        }
    }
}

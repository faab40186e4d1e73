package eu.plenum.mail;

import eu.plenum.mail.domain.OutboxRepository;
import eu.plenum.mail.domain.OutboxRepository.Claimed;
import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.residency.PersonalDataTransfer;
import eu.plenum.residency.PlaceKind;
import eu.plenum.residency.TransferGuard;
import eu.plenum.residency.TransferRefusedException;
import eu.plenum.shared.LinkTokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends due mail from the outbox in three steps, so that no transaction or row lock is held
 * while talking to the SMTP relay: claim a batch in a short transaction (SENDING, with a claim
 * id; rows another node claims are skipped), send each mail outside any transaction after the
 * transfer guard allowed it (personal links are rendered only now), then record the outcome in
 * a new short transaction. Failures are retried with a doubling pause up to
 * {@code plenum.mail.max-attempts}, then the mail is DEAD. Delivery is at least once: only when
 * the outcome cannot be recorded (after three tries) and the claim times out is a mail sent again.
 * Logs name mail ids, never recipients.
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);
    private static final int RECORD_TRIES = 3;

    private final OutboxRepository outbox;
    private final Mailer mailer;
    private final TransferGuard guard;
    private final DeclaredPlaces places;
    private final LinkTokens links;
    private final MailConfig config;
    private final Clock clock;
    private final boolean appNode;

    MailDispatcher(OutboxRepository outbox, Mailer mailer, TransferGuard guard, DeclaredPlaces places, LinkTokens links,
            MailConfig config, Clock clock, eu.plenum.shared.NodeConfig node) {
        this.appNode = node.plays(eu.plenum.shared.NodeRole.APP); // an edge node has no outbox
        this.outbox = outbox;
        this.mailer = mailer;
        this.guard = guard;
        this.places = places;
        this.links = links;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${plenum.mail.dispatch-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        while (appNode && dispatchBatch() == config.batch()) {
            // keep going while full batches come back
        }
    }

    /** Sends one batch of due mail; returns how many were claimed. */
    public int dispatchBatch() {
        UUID claim = UUID.randomUUID();
        Instant now = clock.instant();
        List<Claimed> due = QuarkusTransaction.requiringNew()
                .call(() -> outbox.claimDue(now, now.minus(config.claimTimeout()), config.batch(), claim));
        for (Claimed mail : due) {
            Outcome outcome = send(mail);
            record(mail, claim, outcome);
        }
        return due.size();
    }

    /** What became of one attempt: sent, or the error to keep (never the recipient). */
    private record Outcome(boolean sent, String error) {
    }

    private Outcome send(Claimed mail) {
        DeclaredPlace relay = places.ofKind(PlaceKind.MAIL_RELAY).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No mail relay is declared in plenum.residency.places"));
        try {
            guard.authorize(new PersonalDataTransfer("e-mail", "mail " + mail.id(), mail.tenantId(), relay.name(),
                    relay.region().code(), null));
            Mail message = Mail.withText(mail.recipient(), mail.subject(), links.render(mail.bodyText()))
                    .setHtml(links.render(mail.bodyHtml())).setFrom(config.from());
            if (mail.calendar() != null) {
                message.addAttachment("invite.ics", mail.calendar().getBytes(StandardCharsets.UTF_8),
                        "text/calendar; charset=UTF-8; method=" + mail.calendarMethod());
            }
            mailer.send(message);
            return new Outcome(true, null);
        } catch (TransferRefusedException refused) {
            return new Outcome(false, "refused by the residency guard");
        } catch (RuntimeException e) {
            LOG.warnf("Mail %s not sent (attempt %d of %d): %s", mail.id(), mail.attempts(), config.maxAttempts(),
                    e.getClass().getSimpleName());
            return new Outcome(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Records the outcome in its own short transaction; a few tries, because a lost "sent" means a second mail later. */
    private void record(Claimed mail, UUID claim, Outcome outcome) {
        for (int attempt = 1; ; attempt++) {
            try {
                Instant now = clock.instant();
                QuarkusTransaction.requiringNew().run(() -> {
                    if (outcome.sent()) {
                        outbox.markSent(mail.id(), claim, now);
                    } else {
                        outbox.markFailed(mail.id(), claim, outcome.error(), now.plus(pauseAfter(mail.attempts())),
                                config.maxAttempts());
                    }
                });
                if (!outcome.sent() && mail.attempts() >= config.maxAttempts()) {
                    LOG.warnf("Mail %s is dead after %d attempts", mail.id(), mail.attempts());
                }
                return;
            } catch (RuntimeException e) {
                if (attempt >= RECORD_TRIES) {
                    LOG.errorf("Outcome of mail %s not recorded (%s): it may be sent again once its claim expires",
                            mail.id(), e.getClass().getSimpleName());
                    return;
                }
                pause(Duration.ofMillis(200L * attempt));
            }
        }
    }

    /** The doubling pause after {@code attempts} failed attempts, capped. */
    Duration pauseAfter(int attempts) {
        Duration pause = config.retryBase().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return pause.compareTo(config.retryMax()) > 0 ? config.retryMax() : pause;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package eu.plenum.mail;

import eu.plenum.mail.domain.OutboxRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** How the outbox stands, for operators: on /q/health, as the metric plenum_mail_dead and in the console. */
@ApplicationScoped
public class MailOutboxStatus {

    /** Mails still to send (pending or being sent) and mails given up on. */
    public record Counts(long waiting, long dead) {
    }

    private final OutboxRepository outbox;
    private final MeterRegistry registry;

    MailOutboxStatus(OutboxRepository outbox, MeterRegistry registry) {
        this.outbox = outbox;
        this.registry = registry;
    }

    void registerMetrics(@Observes StartupEvent started) {
        Gauge.builder("plenum.mail.dead", this, status -> status.counts().dead())
                .description("Mails given up on after their last attempt").register(registry);
    }

    public Counts counts() {
        return QuarkusTransaction.joiningExisting().call(() -> new Counts(outbox.countWaiting(), outbox.countDead()));
    }
}

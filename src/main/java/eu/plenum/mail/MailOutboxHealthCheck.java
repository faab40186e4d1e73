package eu.plenum.mail;

import eu.plenum.mail.domain.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox on /q/health/ready: mails waiting and mails DEAD after their last attempt (an
 * operator looks at last_error and the relay). Always up: undeliverable mail must not take the
 * node out of service.
 */
@Readiness
@ApplicationScoped
class MailOutboxHealthCheck implements HealthCheck {

    private final MailOutboxStatus status;

    MailOutboxHealthCheck(MailOutboxStatus status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        MailOutboxStatus.Counts counts = status.counts();
        return HealthCheckResponse.named("Mail outbox").up()
                .withData("waiting", counts.waiting())
                .withData("dead", counts.dead())
                .build();
    }
}

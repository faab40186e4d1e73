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
    private final boolean appNode;

    MailOutboxHealthCheck(MailOutboxStatus status, eu.plenum.shared.NodeConfig node) {
        this.status = status;
        this.appNode = node.plays(eu.plenum.shared.NodeRole.APP);
    }

    @Override
    public HealthCheckResponse call() {
        if (!appNode) {
            // An edge node has no database and sends no mail.
            return HealthCheckResponse.named("Mail outbox").up().withData("app node", false).build();
        }
        MailOutboxStatus.Counts counts = status.counts();
        return HealthCheckResponse.named("Mail outbox").up()
                .withData("waiting", counts.waiting())
                .withData("dead", counts.dead())
                .build();
    }
}

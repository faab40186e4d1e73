package eu.plenum.webhooks;

import eu.plenum.residency.TransferRefusedException;
import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import eu.plenum.webhooks.domain.WebhookDeliveryRepository;
import eu.plenum.webhooks.domain.WebhookDeliveryRepository.Claimed;
import eu.plenum.webhooks.domain.WebhookEndpoint;
import eu.plenum.webhooks.domain.WebhookEndpointRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers queued webhook events, on every app node at once, in three steps like the mail outbox:
 * claim a batch in a short transaction ({@code FOR UPDATE SKIP LOCKED}, then SENDING with a claim id
 * and a lease of {@code plenum.webhooks.lease}), POST each outside any transaction through the
 * guarded connector, record the outcome in a new short transaction under the claim. A 2xx delivers;
 * anything else is retried after a doubling pause up to {@code plenum.webhooks.max-attempts}, then
 * DEAD; a receiver whose region the transfer guard refuses ends REFUSED at once (logged in the
 * transfer log; retrying would not change the policy). At least once: a node that dies after sending
 * but before recording leaves the row to be sent again once its lease ran out, with the same
 * {@code Plenum-Delivery} id. Logs name delivery and endpoint ids only.
 */
@ApplicationScoped
class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final WebhookDelivery delivery;
    private final WebhookConfig config;
    private final Clock clock;
    private final boolean appNode;

    WebhookDispatcher(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints, WebhookDelivery delivery,
            WebhookConfig config, Clock clock, NodeConfig node) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.delivery = delivery;
        this.config = config;
        this.clock = clock;
        this.appNode = node.plays(NodeRole.APP); // an edge node has no database
    }

    @Scheduled(every = "${plenum.webhooks.dispatch-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        while (appNode && dispatchBatch() == config.batch()) {
            // keep going while full batches come back
        }
    }

    /** Claims and sends one batch of due deliveries; returns how many were claimed. */
    int dispatchBatch() {
        UUID claim = UUID.randomUUID();
        Instant now = clock.instant();
        List<Claimed> due = QuarkusTransaction.requiringNew()
                .call(() -> deliveries.claimDue(now, now.plus(config.lease()), config.batch(), claim));
        for (Claimed claimed : due) {
            attempt(claimed, claim);
        }
        return due.size();
    }

    private void attempt(Claimed claimed, UUID claim) {
        WebhookEndpoint endpoint = QuarkusTransaction.requiringNew().call(() -> endpoints.findById(claimed.endpointId()));
        if (endpoint == null) {
            return; // removed meanwhile: its deliveries went with it
        }
        try {
            WebhookDelivery.Outcome outcome = delivery.deliver(endpoint, claimed.id(), claimed.eventType(), claimed.payload());
            if (outcome.delivered()) {
                record(() -> deliveries.delivered(claimed.id(), claim, outcome.status(), clock.instant()));
            } else {
                failed(claimed, claim, outcome.status() == 0 ? null : outcome.status(),
                        outcome.status() == 0 ? outcome.error() : "the receiver answered HTTP " + outcome.status());
            }
        } catch (TransferRefusedException refused) {
            LOG.infof("Delivery %s to endpoint %s refused by the transfer guard", claimed.id(), endpoint.id());
            record(() -> deliveries.refused(claimed.id(), claim, refused.getMessage()));
        } catch (ReceiverRefusedException refused) {
            // The name resolves to a non-public address now; DNS may change back, so it counts as a failed attempt.
            failed(claimed, claim, null, refused.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Delivery %s to endpoint %s failed: %s", claimed.id(), endpoint.id(), e.getClass().getSimpleName());
            failed(claimed, claim, null, e.getClass().getSimpleName());
        }
    }

    private void failed(Claimed claimed, UUID claim, Integer status, String error) {
        Instant retryAt = clock.instant().plus(pauseAfter(claimed.attempts()));
        record(() -> deliveries.failed(claimed.id(), claim, status, error, retryAt, config.maxAttempts()));
        if (claimed.attempts() >= config.maxAttempts()) {
            LOG.warnf("Delivery %s to endpoint %s is dead after %d attempts", claimed.id(), claimed.endpointId(), claimed.attempts());
        }
    }

    /** Records an outcome in its own short transaction; if that fails the lease expires and the row is sent again. */
    private void record(Runnable outcome) {
        try {
            QuarkusTransaction.requiringNew().run(outcome);
        } catch (RuntimeException e) {
            LOG.errorf("Outcome of a webhook delivery not recorded (%s): it is sent again once its lease ends",
                    e.getClass().getSimpleName());
        }
    }

    /** The doubling pause after {@code attempts} failed attempts, capped at {@code retry-max}. */
    Duration pauseAfter(int attempts) {
        Duration pause = config.retryBase().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return pause.compareTo(config.retryMax()) > 0 ? config.retryMax() : pause;
    }
}

package eu.plenum.webhooks;

import eu.plenum.residency.PersonalDataTransfer;
import eu.plenum.residency.TenantRegionAllowances;
import eu.plenum.residency.TransferGuard;
import eu.plenum.webhooks.domain.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends one request to one endpoint: checks the receiver's addresses as they resolve now (a refusal
 * throws before a single byte leaves), asks the transfer guard (which logs the decision; a refusal
 * throws {@code TransferRefusedException}), then POSTs the body signed with the endpoint's secret(s)
 * to exactly the address that was checked. Used at once by ping and export, and by the dispatcher
 * for queued events.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);

    private final TransferGuard guard;
    private final TenantRegionAllowances allowances;
    private final ReceiverConnector connector;
    private final EndpointSecrets secrets;
    private final Clock clock;

    WebhookDelivery(TransferGuard guard, TenantRegionAllowances allowances, ReceiverConnector connector, EndpointSecrets secrets,
            Clock clock) {
        this.guard = guard;
        this.allowances = allowances;
        this.connector = connector;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** What happened to one delivery that the guard allowed. */
    public record Outcome(UUID deliveryId, boolean delivered, int status, String error) {
    }

    Outcome deliver(WebhookEndpoint endpoint, String eventType, String json) {
        return deliver(endpoint, UUID.randomUUID(), eventType, json);
    }

    /** One attempt of a delivery whose id stays the same across retries. */
    Outcome deliver(WebhookEndpoint endpoint, UUID deliveryId, String eventType, String json) {
        return send(endpoint, deliveryId, "webhook-event", "webhook event " + eventType, eventType, "application/json", json);
    }

    /** Pushes a webinar's registrant list (CSV) to an endpoint: an export, guarded and logged as one. */
    Outcome deliverRegistrantExport(WebhookEndpoint endpoint, UUID webinarId, String csv) {
        return send(endpoint, UUID.randomUUID(), "registrant-list", "export of the registrant list of webinar " + webinarId,
                "registrants.exported", "text/csv;charset=utf-8", csv);
    }

    private Outcome send(WebhookEndpoint endpoint, UUID deliveryId, String category, String purpose, String eventType,
            String contentType, String body) {
        // Checked at every delivery, not only at registration: the name may resolve elsewhere by now.
        ReceiverConnector.CheckedReceiver receiver = connector.check(endpoint.url());
        guard.authorize(new PersonalDataTransfer(category, purpose, endpoint.tenantId(),
                "webhook " + endpoint.id() + " (" + endpoint.url().getHost() + ")", endpoint.regionCode(),
                allowances.legalBasis(endpoint.tenantId(), endpoint.regionCode()).orElse(null)));
        Instant now = clock.instant();
        ReceiverConnector.Answer answer = connector.post(receiver,
                WebhookSignatures.headers(deliveryId, eventType, signingSecrets(endpoint, now), now.getEpochSecond(), body),
                contentType, body.getBytes(StandardCharsets.UTF_8));
        if (answer.status() == 0) {
            LOG.infof("Delivery %s (%s) to endpoint %s failed: %s", deliveryId, eventType, endpoint.id(), answer.error());
            return new Outcome(deliveryId, false, 0, answer.error());
        }
        return new Outcome(deliveryId, answer.status() >= 200 && answer.status() < 300, answer.status(), null);
    }

    /** The current secret, and the one before a rotation while it is still valid. */
    private List<String> signingSecrets(WebhookEndpoint endpoint, Instant now) {
        List<String> signing = new ArrayList<>(2);
        signing.add(secrets.open(endpoint.id(), endpoint.secretSealed()));
        if (endpoint.previousSecretSealed() != null && endpoint.previousSecretUntil() != null && endpoint.previousSecretUntil().isAfter(now)) {
            signing.add(secrets.open(endpoint.id(), endpoint.previousSecretSealed()));
        }
        return signing;
    }
}

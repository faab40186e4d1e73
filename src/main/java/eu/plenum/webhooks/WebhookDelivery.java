package eu.plenum.webhooks;

import eu.plenum.residency.PersonalDataTransfer;
import eu.plenum.residency.TenantRegionAllowances;
import eu.plenum.residency.TransferGuard;
import eu.plenum.webhooks.domain.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Sends one event to one endpoint: checks the receiver's addresses as they resolve now (a refusal
 * throws before a single byte leaves), asks the transfer guard, then POSTs the JSON body signed
 * with the endpoint's key to exactly the address that was checked.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);

    private final TransferGuard guard;
    private final TenantRegionAllowances allowances;
    private final ReceiverConnector connector;

    WebhookDelivery(TransferGuard guard, TenantRegionAllowances allowances, ReceiverConnector connector) {
        this.guard = guard;
        this.allowances = allowances;
        this.connector = connector;
    }

    /** What happened to one delivery that the guard allowed. */
    public record Outcome(UUID deliveryId, boolean delivered, int status, String error) {
    }

    Outcome deliver(WebhookEndpoint endpoint, String eventType, String json) {
        return send(endpoint, "webhook-event", "webhook event " + eventType, eventType, "application/json", json);
    }

    /** Pushes a webinar's registrant list (CSV) to an endpoint: an export, guarded and logged as one. */
    Outcome deliverRegistrantExport(WebhookEndpoint endpoint, UUID webinarId, String csv) {
        return send(endpoint, "registrant-list", "export of the registrant list of webinar " + webinarId,
                "registrants.exported", "text/csv;charset=utf-8", csv);
    }

    private Outcome send(WebhookEndpoint endpoint, String category, String purpose, String eventType, String contentType, String body) {
        // Checked at every delivery, not only at registration: the name may resolve elsewhere by now.
        ReceiverConnector.CheckedReceiver receiver = connector.check(endpoint.url());
        guard.authorize(new PersonalDataTransfer(category, purpose, endpoint.tenantId(),
                "webhook " + endpoint.id() + " (" + endpoint.url().getHost() + ")", endpoint.regionCode(),
                allowances.legalBasis(endpoint.tenantId(), endpoint.regionCode()).orElse(null)));
        UUID deliveryId = UUID.randomUUID();
        ReceiverConnector.Answer answer = connector.post(receiver, Map.of(
                "X-Plenum-Event", eventType,
                "X-Plenum-Delivery", deliveryId.toString(),
                "X-Plenum-Signature", "sha256=" + sign(endpoint.signingKey(), body)),
                contentType, body.getBytes(StandardCharsets.UTF_8));
        if (answer.status() == 0) {
            LOG.infof("Delivery %s (%s) to endpoint %s failed: %s", deliveryId, eventType, endpoint.id(), answer.error());
            return new Outcome(deliveryId, false, 0, answer.error());
        }
        return new Outcome(deliveryId, answer.status() >= 200 && answer.status() < 300, answer.status(), null);
    }

    static String sign(String hexKey, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(hexKey), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

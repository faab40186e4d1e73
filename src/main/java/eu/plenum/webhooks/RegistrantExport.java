package eu.plenum.webhooks;

import eu.plenum.scheduling.RegistrantCsv;
import eu.plenum.scheduling.RegistrantDesk;
import eu.plenum.shared.PlenumException;
import eu.plenum.webhooks.domain.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Exports a webinar's registrant list to one of the host's endpoints (e.g. the organisation's CRM):
 * the same formula-safe CSV as the download, signed like a webhook event. It is a transfer of
 * personal data, so the transfer guard decides by the endpoint's declared region and logs it; a
 * refusal (451) happens before anything is sent. Webinar and endpoint must both be the host's own.
 */
@ApplicationScoped
public class RegistrantExport {

    private final WebhookEndpoints endpoints;
    private final WebhookDelivery delivery;
    private final RegistrantDesk registrants;

    RegistrantExport(WebhookEndpoints endpoints, WebhookDelivery delivery, RegistrantDesk registrants) {
        this.endpoints = endpoints;
        this.delivery = delivery;
        this.registrants = registrants;
    }

    /** What the receiver got. */
    public record Exported(UUID webinarId, UUID endpointId, String regionCode, int registrants, UUID deliveryId,
            int receiverStatus, Instant exportedAt) {
    }

    public Exported export(UUID webinarId, UUID endpointId) {
        WebhookEndpoint endpoint = endpoints.find(endpointId);
        var list = registrants.list(webinarId, null);
        String csv = RegistrantCsv.write(list, registrants.questionLabels(webinarId));
        WebhookDelivery.Outcome outcome = delivery.deliverRegistrantExport(endpoint, webinarId, csv);
        if (!outcome.delivered()) {
            throw new NotDelivered(outcome.status() == 0 ? outcome.error() : "the receiver answered HTTP " + outcome.status());
        }
        return new Exported(webinarId, endpointId, endpoint.regionCode(), list.size(), outcome.deliveryId(), outcome.status(), Instant.now());
    }

    /** The export was allowed and sent, but the receiver did not take it. */
    static final class NotDelivered extends PlenumException {

        NotDelivered(String reason) {
            super("export-not-delivered", "The registrant list was not delivered: " + reason + ".");
        }

        @Override
        public int status() {
            return 502;
        }
    }
}

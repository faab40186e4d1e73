package eu.plenum.webhooks;

import eu.plenum.residency.PersonalDataTransfer;
import eu.plenum.residency.TenantRegionAllowances;
import eu.plenum.residency.TransferGuard;
import eu.plenum.webhooks.domain.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Sends one event to one endpoint: asks the transfer guard first (a refusal throws before a single
 * byte leaves), then POSTs the JSON body signed with the endpoint's key.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final TransferGuard guard;
    private final TenantRegionAllowances allowances;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookDelivery(TransferGuard guard, TenantRegionAllowances allowances) {
        this.guard = guard;
        this.allowances = allowances;
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
        guard.authorize(new PersonalDataTransfer(category, purpose, endpoint.tenantId(),
                "webhook " + endpoint.id() + " (" + endpoint.url().getHost() + ")", endpoint.regionCode(),
                allowances.legalBasis(endpoint.tenantId(), endpoint.regionCode()).orElse(null)));
        UUID deliveryId = UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(endpoint.url()).timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .header("X-Plenum-Event", eventType)
                .header("X-Plenum-Delivery", deliveryId.toString())
                .header("X-Plenum-Signature", "sha256=" + sign(endpoint.signingKey(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Outcome(deliveryId, status >= 200 && status < 300, status, null);
        } catch (IOException e) {
            LOG.infof("Delivery %s (%s) to endpoint %s failed: %s", deliveryId, eventType, endpoint.id(), e.getClass().getSimpleName());
            return new Outcome(deliveryId, false, 0, "the receiver could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(deliveryId, false, 0, "interrupted");
        }
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

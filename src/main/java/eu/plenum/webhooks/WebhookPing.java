package eu.plenum.webhooks;

import eu.plenum.identity.CurrentHost;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** A test event a host sends to check an endpoint; carries the tenant id and nothing personal. */
@ApplicationScoped
public class WebhookPing {

    private final WebhookEndpoints endpoints;
    private final WebhookDelivery delivery;
    private final CurrentHost host;

    WebhookPing(WebhookEndpoints endpoints, WebhookDelivery delivery, CurrentHost host) {
        this.endpoints = endpoints;
        this.delivery = delivery;
        this.host = host;
    }

    public WebhookDelivery.Outcome send(UUID endpointId) {
        var endpoint = endpoints.find(endpointId);
        String json = "{\"type\":\"ping\",\"tenant\":\"" + host.tenant().id() + "\",\"sentAt\":\"" + Instant.now() + "\"}";
        return delivery.deliver(endpoint, "ping", json);
    }
}

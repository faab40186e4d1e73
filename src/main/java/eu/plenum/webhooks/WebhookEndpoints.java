package eu.plenum.webhooks;

import eu.plenum.identity.CurrentHost;
import eu.plenum.residency.Region;
import eu.plenum.residency.RegionCatalogue;
import eu.plenum.shared.InvalidInputException;
import eu.plenum.shared.NotFoundException;
import eu.plenum.webhooks.domain.WebhookDeliveryRepository;
import eu.plenum.webhooks.domain.WebhookEndpoint;
import eu.plenum.webhooks.domain.WebhookEndpointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * A host's webhook endpoints: register (with the event types it subscribes to), list, change the
 * subscription, rotate the secret, look at deliveries, remove. Always within the host's own tenant.
 * The secret is shown only in the answer that made it (registration, rotation).
 */
@ApplicationScoped
public class WebhookEndpoints {

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final CurrentHost host;
    private final RegionCatalogue catalogue;
    private final ReceiverConnector connector;
    private final EndpointSecrets secrets;
    private final WebhookConfig config;
    private final Clock clock;

    WebhookEndpoints(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries, CurrentHost host,
            RegionCatalogue catalogue, ReceiverConnector connector, EndpointSecrets secrets, WebhookConfig config, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.host = host;
        this.catalogue = catalogue;
        this.connector = connector;
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
    }

    /** An endpoint as the API shows it; the signing secret ({@code whsec_…}) only right after it was made. */
    public record Endpoint(UUID id, String url, String regionCode, String regionLabel, String description, List<String> events,
            OffsetDateTime createdAt, String signingKey, Instant previousKeyValidUntil) {
    }

    /** One delivery of an event to an endpoint, as the host sees it (no body: it may hold an address). */
    public record Delivery(UUID id, UUID eventId, String eventType, String status, int attempts, Integer lastStatus,
            String lastError, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt) {
    }

    @Transactional
    public Endpoint register(URI url, String regionCode, String description, List<String> events) {
        Region region = catalogue.require("regionCode", regionCode);
        requireReachableSafely(url);
        WebhookEndpoint endpoint = new WebhookEndpoint(host.tenant().id(), url, region.code(), description, eventTypes(events));
        String secret = EndpointSecrets.generate();
        endpoint.secret(secrets.seal(endpoint.id(), secret));
        endpoints.persist(endpoint);
        return view(endpoint, secret);
    }

    public List<Endpoint> list() {
        return endpoints.ofTenant(host.tenant().id()).stream().map(endpoint -> view(endpoint, null)).toList();
    }

    @Transactional
    public Endpoint subscribe(UUID id, List<String> events) {
        WebhookEndpoint endpoint = find(id);
        endpoint.subscribe(eventTypes(events));
        return view(endpoint, null);
    }

    /** A new secret, shown once; the old one keeps signing alongside it for {@code plenum.webhooks.previous-secret-validity}. */
    @Transactional
    public Endpoint rotateSecret(UUID id) {
        WebhookEndpoint endpoint = find(id);
        String secret = EndpointSecrets.generate();
        endpoint.rotate(secrets.seal(endpoint.id(), secret), endpoint.secretSealed(), clock.instant().plus(config.previousSecretValidity()));
        return view(endpoint, secret);
    }

    public List<Delivery> deliveries(UUID id, int limit) {
        WebhookEndpoint endpoint = find(id);
        return deliveries.ofEndpoint(endpoint.id(), Math.max(1, Math.min(limit, 500))).stream()
                .map(row -> new Delivery(row.id(), row.eventId(), row.eventType(), row.status(), row.attempts(), row.lastStatus(),
                        row.lastError(), row.createdAt(), row.nextAttemptAt(), row.deliveredAt()))
                .toList();
    }

    /** Queues a DEAD or REFUSED delivery again (same delivery id), e.g. after the receiver was fixed. */
    @Transactional
    public void redeliver(UUID id, UUID deliveryId) {
        WebhookEndpoint endpoint = find(id);
        if (!deliveries.redeliver(endpoint.id(), deliveryId, clock.instant())) {
            throw new NotFoundException("The endpoint has no dead or refused delivery " + deliveryId + ".");
        }
    }

    @Transactional
    public void remove(UUID id) {
        endpoints.delete(find(id));
    }

    WebhookEndpoint find(UUID id) {
        return endpoints.ofTenant(host.tenant().id(), id)
                .orElseThrow(() -> new NotFoundException("There is no webhook endpoint " + id + " in your organisation."));
    }

    /** https (http only in dev and test) and public addresses only; delivery checks the same again. */
    private void requireReachableSafely(URI url) {
        try {
            connector.check(url);
        } catch (ReceiverRefusedException refused) {
            throw InvalidInputException.of("url", refused.getMessage());
        }
    }

    private static List<String> eventTypes(List<String> events) {
        if (events == null) {
            return List.of();
        }
        LinkedHashSet<String> known = new LinkedHashSet<>();
        for (String event : events) {
            String type = event == null ? "" : event.strip();
            if (WebhookEventType.of(type).isEmpty()) {
                throw InvalidInputException.of("events", "unknown event type; known: "
                        + java.util.Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wire).toList());
            }
            known.add(type);
        }
        return List.copyOf(known);
    }

    private Endpoint view(WebhookEndpoint endpoint, String secret) {
        String label = catalogue.find(endpoint.regionCode()).map(Region::label).orElse(endpoint.regionCode());
        Instant previousUntil = endpoint.previousSecretUntil() != null && endpoint.previousSecretUntil().isAfter(clock.instant())
                ? endpoint.previousSecretUntil() : null;
        return new Endpoint(endpoint.id(), endpoint.url().toString(), endpoint.regionCode(), label, endpoint.description(),
                endpoint.events(), endpoint.createdAt(), secret, previousUntil);
    }
}

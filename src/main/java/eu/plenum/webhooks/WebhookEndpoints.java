package eu.plenum.webhooks;

import eu.plenum.identity.CurrentHost;
import eu.plenum.residency.Region;
import eu.plenum.residency.RegionCatalogue;
import eu.plenum.shared.InvalidInputException;
import eu.plenum.shared.NotFoundException;
import eu.plenum.webhooks.domain.WebhookEndpoint;
import eu.plenum.webhooks.domain.WebhookEndpointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** A host's webhook endpoints: register, list, remove. Always within the host's own tenant. */
@ApplicationScoped
public class WebhookEndpoints {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookEndpointRepository endpoints;
    private final CurrentHost host;
    private final RegionCatalogue catalogue;
    private final ReceiverConnector connector;

    WebhookEndpoints(WebhookEndpointRepository endpoints, CurrentHost host, RegionCatalogue catalogue, ReceiverConnector connector) {
        this.endpoints = endpoints;
        this.host = host;
        this.catalogue = catalogue;
        this.connector = connector;
    }

    /** An endpoint as the API shows it; the signing key only right after registration. */
    public record Endpoint(UUID id, String url, String regionCode, String regionLabel, String description,
            OffsetDateTime createdAt, String signingKey) {
    }

    @Transactional
    public Endpoint register(URI url, String regionCode, String description) {
        Region region = catalogue.require("regionCode", regionCode);
        requireReachableSafely(url);
        String key = HexFormat.of().formatHex(randomBytes());
        WebhookEndpoint endpoint = new WebhookEndpoint(host.tenant().id(), url, region.code(), description, key);
        endpoints.persist(endpoint);
        return view(endpoint, true);
    }

    public List<Endpoint> list() {
        return endpoints.ofTenant(host.tenant().id()).stream().map(endpoint -> view(endpoint, false)).toList();
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

    private Endpoint view(WebhookEndpoint endpoint, boolean withKey) {
        String label = catalogue.find(endpoint.regionCode()).map(Region::label).orElse(endpoint.regionCode());
        return new Endpoint(endpoint.id(), endpoint.url().toString(), endpoint.regionCode(), label, endpoint.description(),
                endpoint.createdAt(), withKey ? endpoint.signingKey() : null);
    }

    private static byte[] randomBytes() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}

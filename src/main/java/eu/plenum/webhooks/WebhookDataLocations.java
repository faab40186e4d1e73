package eu.plenum.webhooks;

import eu.plenum.residency.DataLocationReport;
import eu.plenum.residency.DataLocationSource;
import eu.plenum.residency.Region;
import eu.plenum.residency.RegionCatalogue;
import eu.plenum.residency.ResidencyPolicy;
import eu.plenum.residency.TenantRegionAllowances;
import eu.plenum.webhooks.domain.WebhookEndpointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Tells the data-location report where a tenant's webhook events and exports go, in the region the tenant declared. */
@ApplicationScoped
class WebhookDataLocations implements DataLocationSource {

    private final WebhookEndpointRepository endpoints;
    private final RegionCatalogue catalogue;
    private final TenantRegionAllowances allowances;

    WebhookDataLocations(WebhookEndpointRepository endpoints, RegionCatalogue catalogue, TenantRegionAllowances allowances) {
        this.endpoints = endpoints;
        this.catalogue = catalogue;
        this.allowances = allowances;
    }

    @Override
    public List<DataLocationReport.Line> linesFor(String tenantId) {
        return endpoints.ofTenant(tenantId).stream().map(endpoint -> {
            Region region = catalogue.require("regionCode", endpoint.regionCode());
            String basis = ResidencyPolicy.mayHoldPersonalData(region, allowances.legalBasis(tenantId, region.code())).legalBasis();
            // The region is the tenant's declaration when registering the receiver; Plenum cannot see where it runs.
            return new DataLocationReport.Line("Webhook events and registrant exports (event payloads, registrant lists)",
                    "webhook " + endpoint.id() + " (" + endpoint.url().getHost() + ")",
                    "webhook or export receiver (region declared by the tenant)",
                    DataLocationReport.RegionView.of(region), basis, DataLocationReport.DECLARED_BY_TENANT);
        }).toList();
    }
}

package eu.plenum.residency.rest;

import eu.plenum.residency.Region;
import eu.plenum.residency.RegionCatalogue;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The region catalogue, for forms and integrations that must name a region. */
@Path("/api/regions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Residency")
@SecurityRequirement(name = "SecurityScheme")
public class RegionResource {

    private final RegionCatalogue catalogue;

    RegionResource(RegionCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Operation(summary = "Every known region with its country and jurisdiction")
    public List<Region> regions() {
        return List.copyOf(catalogue.all());
    }
}

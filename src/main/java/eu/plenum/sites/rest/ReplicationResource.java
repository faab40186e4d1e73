package eu.plenum.sites.rest;

import eu.plenum.sites.ReplicationMonitor;
import eu.plenum.sites.ReplicationState;
import eu.plenum.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Replication state for operators. */
@Path("/api/admin/replication")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: sites")
@SecurityRequirement(name = "SecurityScheme")
public class ReplicationResource {

    private final ReplicationMonitor monitor;

    ReplicationResource(ReplicationMonitor monitor) {
        this.monitor = monitor;
    }

    @GET
    @Operation(summary = "Role of the database the app writes to, synchronous state, standbys and their lag")
    public ReplicationState state() {
        return monitor.current().orElseThrow(() -> new NotFoundException("This node has no reachable database."));
    }
}

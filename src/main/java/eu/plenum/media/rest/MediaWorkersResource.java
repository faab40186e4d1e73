package eu.plenum.media.rest;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.media.supervisor.PoolSnapshot;
import eu.plenum.media.supervisor.WorkerPool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators' view of this node's media worker pool. */
@Path("/api/admin/media/workers")
@RolesAllowed(PlenumRoles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@SecurityRequirement(name = "SecurityScheme")
public class MediaWorkersResource {

    private final WorkerPool pool;

    MediaWorkersResource(WorkerPool pool) {
        this.pool = pool;
    }

    @GET
    @Operation(summary = "Idle, starting and busy media workers of this node, with their rooms and last heartbeat")
    public PoolSnapshot workers() {
        return pool.snapshot();
    }
}

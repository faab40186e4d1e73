package eu.plenum.compliance.rest;

import eu.plenum.compliance.OfficerScope;
import eu.plenum.compliance.erasure.ErasureReceipt;
import eu.plenum.compliance.erasure.ErasureThrottle;
import eu.plenum.compliance.erasure.Erasures;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.media.RecordingErasurePolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Erasure (GDPR Art. 17) for compliance officers: queue one, read its state and receipt, and the
 * tenant's choice for recordings in which an erased person published. A tenant's officer acts only
 * for their tenant; hosts are refused (403).
 */
@Path("/api/compliance/erasures")
@RolesAllowed({PlenumRoles.ADMIN, PlenumRoles.COMPLIANCE, PlenumRoles.PLATFORM_COMPLIANCE})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
@SecurityRequirement(name = "SecurityScheme")
public class ErasureResource {

    private final Erasures erasures;
    private final OfficerScope scope;
    private final ErasureThrottle throttle;

    ErasureResource(Erasures erasures, OfficerScope scope, ErasureThrottle throttle) {
        this.erasures = erasures;
        this.scope = scope;
        this.throttle = throttle;
    }

    /** An erasure to run: the person's address in one tenant, and the officer queue's request it answers, if any. */
    public record ErasureRequest(@NotBlank @Size(max = 63) String tenantId, @NotBlank @Size(max = 254) String email, UUID requestId) {
    }

    public record Accepted(UUID id) {
    }

    public record RecordingPolicyChoice(@NotNull RecordingErasurePolicy recordings) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase one person in one tenant everywhere (database, recordings they published, backup site): 202, then poll the receipt")
    public Response request(@Valid @NotNull ErasureRequest request) {
        throttle.admit(scope.actor());
        scope.requireTenant(request.tenantId());
        UUID id = erasures.request(request.tenantId(), request.email(), request.requestId(), scope.actor());
        return Response.accepted(new Accepted(id)).location(URI.create("/api/compliance/erasures/" + id)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "State of an erasure (REQUESTED, FILES, COMPLETED, FAILED) and its receipt: what, where, when, by whom, checksums")
    public ErasureReceipt receipt(@PathParam("id") UUID id) {
        throttle.admit(scope.actor());
        scope.requireTenant(erasures.tenantOf(id));
        return erasures.receipt(id);
    }

    @GET
    @Path("recording-policy/{tenantId}")
    @Operation(summary = "What erasing a person does with recordings in which they published: DELETE (default) or REVIEW")
    public RecordingPolicyChoice recordingPolicy(@PathParam("tenantId") String tenantId) {
        throttle.admit(scope.actor());
        scope.requireTenant(tenantId);
        return new RecordingPolicyChoice(erasures.recordingPolicy(tenantId));
    }

    @PUT
    @Path("recording-policy/{tenantId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose DELETE or REVIEW for recordings in which an erased person published")
    public Map<String, String> chooseRecordingPolicy(@PathParam("tenantId") String tenantId, @Valid @NotNull RecordingPolicyChoice choice) {
        throttle.admit(scope.actor());
        scope.requireTenant(tenantId);
        erasures.chooseRecordingPolicy(tenantId, choice.recordings(), scope.actor());
        return Map.of("recordings", choice.recordings().name());
    }
}

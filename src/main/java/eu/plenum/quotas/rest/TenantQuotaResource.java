package eu.plenum.quotas.rest;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.quotas.Quota;
import eu.plenum.quotas.TenantQuotas;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Quotas and usage of any tenant, for operators: read them, set them (audited). */
@Path("/api/admin/tenants/{id}/quotas")
@RolesAllowed(PlenumRoles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotas")
@SecurityRequirement(name = "SecurityScheme")
public class TenantQuotaResource {

    private static final String TENANT_ID = "[a-z0-9][a-z0-9-]{1,62}";

    private final TenantQuotas quotas;

    TenantQuotaResource(TenantQuotas quotas) {
        this.quotas = quotas;
    }

    /** The overrides to set; a missing (null) value puts that quota back to the configured default. */
    public record QuotaRequest(@PositiveOrZero Long liveRooms, @PositiveOrZero Long webrtcViewersPerRoom,
            @PositiveOrZero Long recordingBytes, @PositiveOrZero Long registrationsPerWebinar) {
        Map<Quota, Long> values() {
            Map<Quota, Long> values = new EnumMap<>(Quota.class);
            values.put(Quota.LIVE_ROOMS, liveRooms);
            values.put(Quota.WEBRTC_VIEWERS_PER_ROOM, webrtcViewersPerRoom);
            values.put(Quota.RECORDING_BYTES, recordingBytes);
            values.put(Quota.REGISTRATIONS_PER_WEBINAR, registrationsPerWebinar);
            return values;
        }
    }

    /** One quota: the limit in force, the default, whether it is the tenant's own, and the usage now. */
    public record QuotaLine(String quota, long limit, long defaultLimit, boolean overridden, long usage) {
        public static List<QuotaLine> of(List<TenantQuotas.Line> lines) {
            return lines.stream().map(line -> new QuotaLine(line.name(), line.limit(), line.defaultLimit(), line.overridden(),
                    line.usage())).toList();
        }
    }

    @GET
    @Operation(summary = "A tenant's quotas with its usage now")
    public List<QuotaLine> get(@PathParam("id") @Pattern(regexp = TENANT_ID) String id) {
        return QuotaLine.of(quotas.of(id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a tenant's quotas (null: the configured default); audited as quota.changed")
    public List<QuotaLine> set(@PathParam("id") @Pattern(regexp = TENANT_ID) String id, @Valid @NotNull QuotaRequest request) {
        return QuotaLine.of(quotas.set(id, request.values()));
    }
}

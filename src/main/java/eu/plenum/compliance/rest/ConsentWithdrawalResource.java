package eu.plenum.compliance.rest;

import eu.plenum.compliance.ConsentWithdrawalRecords;
import eu.plenum.compliance.OfficerScope;
import eu.plenum.compliance.erasure.ErasureThrottle;
import eu.plenum.consent.ConsentKind;
import eu.plenum.consent.ConsentWithdrawals;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.shared.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A compliance officer records a consent withdrawal a person made to them (Art. 7(3)); effective from
 * the person's next entry. A tenant's officer acts only for their tenant; hosts are refused (403).
 */
@Path("/api/compliance/consent-withdrawals")
@RolesAllowed({PlenumRoles.ADMIN, PlenumRoles.COMPLIANCE, PlenumRoles.PLATFORM_COMPLIANCE})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
@SecurityRequirement(name = "SecurityScheme")
public class ConsentWithdrawalResource {

    private final ConsentWithdrawalRecords withdrawals;
    private final OfficerScope scope;
    private final ErasureThrottle throttle;

    ConsentWithdrawalResource(ConsentWithdrawalRecords withdrawals, OfficerScope scope, ErasureThrottle throttle) {
        this.withdrawals = withdrawals;
        this.scope = scope;
        this.throttle = throttle;
    }

    /** A withdrawal to record: the person's address in one tenant and which consent (RECORDING_CONSENT). */
    public record WithdrawalRequest(@NotBlank @Size(max = 63) String tenantId, @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 32) String kind) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that a person withdrew a consent (every registration of the address in the tenant); idempotent")
    public ConsentWithdrawals.Outcome withdraw(@Valid @NotNull WithdrawalRequest request) {
        throttle.admit(scope.actor());
        scope.requireTenant(request.tenantId());
        return withdrawals.record(request.tenantId(), request.email(), kind(request.kind()), scope.actor());
    }

    private static ConsentKind kind(String name) {
        for (ConsentKind kind : ConsentKind.values()) {
            if (kind.name().equals(name) && kind.withdrawable()) {
                return kind;
            }
        }
        throw InvalidInputException.of("kind", "not a consent that can be withdrawn");
    }
}

package eu.plenum.compliance.rest;

import eu.plenum.compliance.OfficerScope;
import eu.plenum.compliance.audit.AuditExport;
import eu.plenum.compliance.audit.AuditVerdict;
import eu.plenum.compliance.audit.AuditVerification;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import eu.plenum.shared.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log for officers and auditors: is the chain intact, and the entries themselves with their hashes. */
@Path("/api/compliance/audit")
@RolesAllowed({PlenumRoles.ADMIN, PlenumRoles.PLATFORM_COMPLIANCE, PlenumRoles.COMPLIANCE})
@Tag(name = "Compliance")
@SecurityRequirement(name = "SecurityScheme")
public class AuditResource {

    private final AuditVerification verification;
    private final AuditExport export;
    private final AuditTrail trail;
    private final OfficerScope officer;

    AuditResource(AuditVerification verification, AuditExport export, AuditTrail trail, OfficerScope officer) {
        this.verification = verification;
        this.export = export;
        this.trail = trail;
        this.officer = officer;
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recomputes the whole chain and compares it with the last anchor: ok, or the first broken entry and how")
    public AuditVerdict verify() {
        AuditVerdict verdict = verification.verify();
        Map<String, String> facts = new HashMap<>(Map.of("outcome", verdict.ok() ? "intact" : "broken",
                "entries", Long.toString(verdict.entriesChecked())));
        if (!verdict.ok()) {
            facts.put("brokenSeq", Long.toString(verdict.brokenSeq()));
            facts.put("kind", verdict.kind().name());
        }
        trail.recordAlone(AuditEntry.of("audit.verified", officer.actor(), officer.ownTenant().orElse(null)).with(facts));
        return verdict;
    }

    @GET
    @Path("export")
    @Produces({"application/x-ndjson", "text/csv"})
    @Operation(summary = "The entries with their hashes as JSON lines or CSV; a tenant's officer gets that tenant's entries only "
            + "(such an extract cannot be verified on its own: the chain runs through every tenant's entries)")
    public Response export(@QueryParam("format") @DefaultValue("jsonl") String format, @QueryParam("tenant") String tenant) {
        AuditExport.Format chosen = switch (format.toLowerCase(Locale.ROOT)) {
            case "jsonl", "ndjson", "json" -> AuditExport.Format.JSONL;
            case "csv" -> AuditExport.Format.CSV;
            default -> throw InvalidInputException.of("format", "must be jsonl or csv");
        };
        String scope = tenant;
        if (!officer.seesEveryTenant()) {
            scope = officer.ownTenant().orElse(null);
            officer.requireTenant(tenant == null ? scope : tenant);
        } else if (tenant != null && tenant.isBlank()) {
            scope = null;
        }
        String scoped = scope;
        trail.recordAlone(AuditEntry.of("audit.exported", officer.actor(), scoped)
                .with(Map.of("format", chosen.name().toLowerCase(Locale.ROOT), "scope", scoped == null ? "all" : "tenant")));
        StreamingOutput body = out -> export.write(out, chosen, scoped);
        String name = "audit-log" + (scoped == null ? "" : "-" + scoped) + (chosen == AuditExport.Format.CSV ? ".csv" : ".jsonl");
        return Response.ok(body, chosen == AuditExport.Format.CSV ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("X-Plenum-Verifiable", scoped == null ? "whole-chain" : "no: a tenant's extract; verify the whole chain")
                .build();
    }
}

package eu.plenum.compliance.audit;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TokenClaims;
import eu.plenum.shared.AuditEntry;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;

/**
 * Audits console sign-ins of staff (operators and compliance officers) as {@code console.signin}
 * when the browser's OIDC code flow completes; hosts' sign-ins are not staff acts and are not logged.
 */
@ApplicationScoped
class StaffSignIns {

    private static final List<String> STAFF = List.of(PlenumRoles.ADMIN, PlenumRoles.PLATFORM_COMPLIANCE, PlenumRoles.COMPLIANCE);

    private final AuditInBackground audit;

    StaffSignIns(AuditInBackground audit) {
        this.audit = audit;
    }

    void onSecurityEvent(@Observes SecurityEvent event) {
        SecurityIdentity identity = event.getSecurityIdentity();
        if (event.getEventType() != SecurityEvent.Type.OIDC_LOGIN || identity == null || identity.isAnonymous()) {
            return;
        }
        List<String> roles = STAFF.stream().filter(identity::hasRole).toList();
        if (roles.isEmpty()) {
            return;
        }
        String actor = TokenClaims.string(identity.getPrincipal(), "sub").orElse(identity.getPrincipal().getName());
        String tenant = TokenClaims.string(identity.getPrincipal(), PlenumRoles.TENANT_CLAIM).orElse(null);
        audit.record(AuditEntry.of("console.signin", actor, tenant).with(Map.of("roles", String.join(" ", roles))));
    }
}

package eu.plenum.identity;

import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import eu.plenum.shared.RequestOrigin;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Audits the console's changes of tenants and people: who (the caller's account id), what (action, target,
 * small facts), when (the entry's time) and from where (channel and client network, {@link RequestOrigin}).
 */
@ApplicationScoped
public class StaffActs {

    private final AuditTrail trail;
    private final SecurityIdentity identity;
    private final RequestOrigin origin;

    StaffActs(AuditTrail trail, SecurityIdentity identity, RequestOrigin origin) {
        this.trail = trail;
        this.identity = identity;
        this.origin = origin;
    }

    /** The caller's account id (Keycloak subject), as the audit log names actors. */
    public String actor() {
        if (identity.isAnonymous()) {
            return "system:anonymous";
        }
        return TokenClaims.string(identity.getPrincipal(), "sub").orElse(identity.getPrincipal().getName());
    }

    /** In the caller's transaction: the entry exists exactly when the change does. */
    public void recordInTransaction(String action, String tenantId, String target, Map<String, String> facts) {
        trail.record(entry(action, tenantId, target, facts));
    }

    /** Committed on its own, for changes made outside Plenum's database (in Keycloak). */
    public void record(String action, String tenantId, String target, Map<String, String> facts) {
        trail.recordAlone(entry(action, tenantId, target, facts));
    }

    private AuditEntry entry(String action, String tenantId, String target, Map<String, String> facts) {
        Map<String, String> details = new HashMap<>(facts);
        details.put("channel", origin.channel());
        details.put("from", origin.network());
        return AuditEntry.of(action, actor(), tenantId).on(target).with(details);
    }
}

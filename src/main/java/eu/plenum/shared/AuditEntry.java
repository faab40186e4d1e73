package eu.plenum.shared;

import java.util.Map;
import java.util.Objects;

/**
 * One audited act.
 *
 * @param action   what happened, dotted and stable, e.g. {@code export.downloaded}, {@code erasure.completed}
 * @param actor    the account id (Keycloak subject) of whoever did it, or {@code system:<job>} for a job
 * @param tenantId the tenant whose data or settings it concerned; null for platform-wide acts
 * @param subject  the {@link SubjectKeys} hash of the person concerned; null when no single person is
 * @param target   the id of the thing acted on, e.g. {@code export:<uuid>}; null when none
 * @param details  small facts without personal data (counts, outcome, refusal reason)
 */
public record AuditEntry(String action, String actor, String tenantId, String subject, String target,
        Map<String, String> details) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static AuditEntry of(String action, String actor, String tenantId) {
        return new AuditEntry(action, actor, tenantId, null, null, Map.of());
    }

    public AuditEntry about(String subjectKey) {
        return new AuditEntry(action, actor, tenantId, subjectKey, target, details);
    }

    public AuditEntry on(String targetId) {
        return new AuditEntry(action, actor, tenantId, subject, targetId, details);
    }

    public AuditEntry with(Map<String, String> facts) {
        return new AuditEntry(action, actor, tenantId, subject, target, facts);
    }
}

package eu.plenum.consent;

import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import eu.plenum.shared.SubjectKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Withdrawal of one person's consent across their registrations, audited in the same transaction
 * (the entry names the person only by their {@link SubjectKeys} hash), so that the audit log shows
 * every withdrawal an officer recorded and every one a person made that changed something.
 */
@ApplicationScoped
public class ConsentWithdrawals {

    /** What a withdrawal did: how many standing records it ended (0 when the consent was withdrawn already). */
    public record Outcome(int withdrawn) {
    }

    private final ConsentRecords records;
    private final AuditTrail audit;
    private final SubjectKeys keys;

    ConsentWithdrawals(ConsentRecords records, AuditTrail audit, SubjectKeys keys) {
        this.records = records;
        this.audit = audit;
        this.keys = keys;
    }

    /**
     * Withdraws {@code kind} for each of the person's registrations in {@code tenantId} and audits it
     * as {@code consent.withdrawn} by {@code actor} (an account id, or {@code data-subject}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome withdraw(String tenantId, String email, Collection<UUID> registrationIds, ConsentKind kind,
            WithdrawalSource source, String actor) {
        int withdrawn = 0;
        for (UUID registrationId : registrationIds) {
            withdrawn += records.withdraw(registrationId, kind, source);
        }
        if (withdrawn > 0 || source == WithdrawalSource.OFFICER) {
            audit.record(AuditEntry.of("consent.withdrawn", actor, tenantId).about(keys.of(tenantId, email))
                    .with(Map.of("kind", kind.name(), "source", source.name(), "records", Integer.toString(withdrawn),
                            "registrations", Integer.toString(registrationIds.size()))));
        }
        return new Outcome(withdrawn);
    }
}

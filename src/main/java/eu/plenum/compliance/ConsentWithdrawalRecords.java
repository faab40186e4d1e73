package eu.plenum.compliance;

import eu.plenum.consent.ConsentKind;
import eu.plenum.consent.ConsentWithdrawals;
import eu.plenum.consent.WithdrawalSource;
import eu.plenum.scheduling.Registrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A withdrawal a person made to the tenant's data-protection officer (by mail, by phone), recorded by
 * the officer for every registration of that address in the tenant; audited even when nothing stood.
 */
@ApplicationScoped
public class ConsentWithdrawalRecords {

    private final Registrations registrations;
    private final ConsentWithdrawals withdrawals;

    ConsentWithdrawalRecords(Registrations registrations, ConsentWithdrawals withdrawals) {
        this.registrations = registrations;
        this.withdrawals = withdrawals;
    }

    /** Withdraws {@code kind} for the person {@code email} in {@code tenantId}, by {@code officer}. */
    @Transactional
    public ConsentWithdrawals.Outcome record(String tenantId, String email, ConsentKind kind, String officer) {
        return withdrawals.withdraw(tenantId, email, registrations.idsOf(tenantId, email), kind, WithdrawalSource.OFFICER, officer);
    }
}

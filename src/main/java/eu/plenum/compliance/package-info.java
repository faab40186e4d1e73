/**
 * Compliance: what auditors, compliance officers and data subjects use — the per-tenant
 * data-location report and the transfer log; the officer's scope ({@code OfficerScope}: a tenant's
 * data-protection officer sees only their tenant, the platform's officer every tenant; hosts none);
 * the queue of data-subject requests (access and erasure, with their one-month deadline); the public
 * self-service page {@code /privacy/requests}; the Art. 15/20 export job ({@code export}); the
 * hash-chained audit log ({@code audit}: append, protection by the runtime role's grants and the
 * owner's triggers, anchors outside the database, verification, export, what gets audited);
 * the Art. 17 erasure job ({@code erasure}: its receipt, the list of erased people kept outside the
 * database and its re-application after a restore); retention ({@code retention}) and the Art. 30
 * register ({@code register}).
 *
 * <p>Owns {@code compliance_audit_entry}, {@code compliance_audit_checkpoint},
 * {@code compliance_audit_chain} and the pruning functions of the audit and transfer logs (V040, V041);
 * {@code compliance_subject_request} and {@code compliance_privacy_ask} (V042);
 * {@code compliance_retention_rule}, {@code compliance_retention_run} and
 * {@code compliance_retention_run_count} (V044); {@code compliance_erasure}, {@code compliance_erasure_count},
 * {@code compliance_erasure_file} and {@code compliance_erased_subject} (V043). An officer records a
 * person's consent withdrawal through {@code /api/compliance/consent-withdrawals}
 * ({@code ConsentWithdrawalRecords}, {@code consent}'s {@code ConsentWithdrawals}). Uses {@code consent}, {@code identity}
 * (tenants, roles), {@code media} (an erased person's recording files, per place), {@code mail}
 * (the outbox, for the self-service link), {@code scheduling} (webinars; which tenants an address
 * registered with), {@code residency} (reports, transfer log) and {@code shared}: the
 * {@code PersonalDataHolder} and {@code RetainedData} beans of every context, discovered by CDI, and
 * {@code shared.RetentionPeriods}, which retention implements for the privacy notice. The register is
 * generated from the holders, residency's places and transfer log, and the retention rules.
 */
package eu.plenum.compliance;

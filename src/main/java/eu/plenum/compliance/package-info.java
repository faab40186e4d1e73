/**
 * Compliance: what auditors and compliance officers download — the per-tenant data-location
 * report and the transfer log, the hash-chained audit log ({@code compliance.audit}: append,
 * protection by the runtime role's grants and the owner's triggers, anchors outside the database,
 * verification, export, what gets audited); subject-access exports, erasure receipts, retention and
 * the Art. 30 register as they arrive.
 *
 * <p>Owns {@code compliance_audit_entry}, {@code compliance_audit_checkpoint} and
 * {@code compliance_audit_chain}, and the pruning functions of the audit and transfer logs (V041).
 * Uses {@code identity} (tenants, token claims), {@code scheduling} (webinars), {@code residency}
 * (reports, transfer log) and {@code shared}.
 *
 * <p>Retention ({@code retention}): owns {@code compliance_retention_rule}, {@code compliance_retention_run}
 * and {@code compliance_retention_run_count} (V044); discovers every {@code shared.RetainedData} bean the
 * other contexts provide and implements {@code shared.RetentionPeriods} for the privacy notice. The Art. 30
 * register ({@code register}) is generated from the {@code shared.PersonalDataHolder} beans, residency's
 * places and transfer log, and the retention rules; it owns no table.
 */
package eu.plenum.compliance;

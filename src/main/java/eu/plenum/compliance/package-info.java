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
 */
package eu.plenum.compliance;

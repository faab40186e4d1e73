/**
 * The audit log: who did what with personal data and settings, append-only and hash-chained
 * ({@code compliance_audit_entry}); written through {@link eu.plenum.shared.AuditTrail}. The app's
 * runtime role may only read and append (V041); {@link eu.plenum.compliance.audit.AuditAnchorJob}
 * writes the head outside the database, {@link eu.plenum.compliance.audit.AuditVerification} finds the
 * first edited, deleted, reordered or cut-off entry, {@link eu.plenum.compliance.audit.AuditExport}
 * hands it to auditors, and {@link eu.plenum.compliance.audit.AuditLogRetention} prunes entries older
 * than two years from a checkpoint that keeps the rest verifiable.
 */
package eu.plenum.compliance.audit;

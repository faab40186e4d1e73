/**
 * The audit log: who did what with personal data and settings, append-only and hash-chained
 * ({@code compliance_audit_entry}); written through {@link eu.plenum.shared.AuditTrail}.
 */
package eu.plenum.compliance.audit;

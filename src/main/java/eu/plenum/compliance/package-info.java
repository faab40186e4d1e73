/**
 * Compliance: what auditors, compliance officers and data subjects use — the per-tenant
 * data-location report and the transfer log; the officer's scope ({@code OfficerScope}: a tenant's
 * data-protection officer sees only their tenant, the platform's officer every tenant; hosts none);
 * the queue of data-subject requests (V042 {@code compliance_subject_request}, access and erasure,
 * with their one-month deadline); the public self-service page {@code /privacy/requests} (ask, prove
 * the address by a mailed link, confirm with a button; one request per tenant the address registered
 * with); the Art. 15/20 export job ({@code export/}: a ZIP of JSON and CSV per personal-data category,
 * the audit entries about the person and a {@code summary.html} with the Art. 15(1) information);
 * and the hash-chained audit log ({@code audit/}).
 *
 * <p>Owns {@code compliance_audit_entry}, {@code compliance_subject_request} and
 * {@code compliance_privacy_ask}. Uses {@code identity} (tenants, roles), {@code mail} (the outbox, for
 * the self-service link), {@code scheduling} (webinars; which tenants an address registered with),
 * {@code residency} (reports, transfer log) and {@code shared} (the {@code PersonalDataHolder} beans of
 * every context, discovered by CDI).
 */
package eu.plenum.compliance;

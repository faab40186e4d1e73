/**
 * Compliance: what auditors and compliance officers download — the per-tenant data-location
 * report and the transfer log today; subject-access exports, erasure receipts, retention and the
 * Art. 30 register as they arrive.
 *
 * <p>{@code erasure}: the Art. 17 erasure job, its receipt, the list of erased people kept outside
 * the database and its re-application after a restore (tables {@code compliance_erasure},
 * {@code compliance_erasure_count}, {@code compliance_erasure_file}, {@code compliance_erased_subject}).
 *
 * <p>Uses {@code identity} (tenants), {@code scheduling} (webinars, registrations of a person),
 * {@code residency} (reports, transfer log, declared places), {@code media} (the erased person's
 * recording files, per place) and {@code shared}.
 */
package eu.plenum.compliance;

/**
 * Compliance: what auditors and compliance officers download — the per-tenant data-location
 * report and the transfer log today; subject-access exports, erasure receipts, retention and the
 * Art. 30 register as they arrive.
 *
 * <p>Owns no tables yet. Uses {@code identity} (tenants), {@code scheduling} (webinars),
 * {@code residency} (reports, transfer log) and {@code shared}.
 */
package eu.plenum.compliance;

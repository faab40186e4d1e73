/**
 * EU-only data residency, enforced by the software: the region catalogue, the policy (EU/EEA by
 * default, adequate countries only with an explicit allowance, third countries never), the
 * declared places that store or receive personal data, the start-up check, the run-time
 * transfer guard and its append-only transfer log, and the data-location facts for reports.
 *
 * <p>Owns the {@code transfer_log} and {@code tenant_region_allowance} tables. Other contexts
 * use only this root package. May use {@code shared}.
 */
package eu.plenum.residency;

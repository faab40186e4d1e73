/**
 * Retention: the rules per tenant and data category (defaults in {@link eu.plenum.compliance.retention.RetentionDefaults},
 * overrides in {@code compliance_retention_rule}), the job that applies them on every app node through the
 * {@code shared.RetainedData} beans of the other contexts, and the stored runs the console shows.
 */
package eu.plenum.compliance.retention;

/**
 * Retention: the rules per tenant and data category (defaults in {@link eu.plenum.compliance.retention.RetentionDefaults},
 * overrides in {@code compliance_retention_rule}), the job that applies them on every app node through the
 * {@code shared.RetainedData} beans of the other contexts, and the stored runs the console shows. The one
 * source of retention periods: the privacy notice, the Art. 30 register, the job and the Art. 15 export
 * summary ({@code RetentionTexts}) all read {@code RetentionRules}.
 */
package eu.plenum.compliance.retention;

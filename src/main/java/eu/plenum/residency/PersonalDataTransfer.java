package eu.plenum.residency;

/**
 * A movement of personal data that is about to happen.
 *
 * @param category what kind of personal data moves, e.g. {@code webhook-event}, {@code recording}
 * @param purpose why it moves, in words an auditor understands
 * @param tenantId whose data it is, or null for platform data
 * @param destination name of the declared destination (a place, a webhook endpoint, a region)
 * @param toRegion region code of the destination as declared
 * @param tenantAllowance legal basis the operator recorded for this tenant and region, if any
 */
public record PersonalDataTransfer(
        String category,
        String purpose,
        String tenantId,
        String destination,
        String toRegion,
        String tenantAllowance) {
}

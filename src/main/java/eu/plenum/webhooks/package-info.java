/**
 * Webhooks: endpoints a tenant registers to receive Plenum events, and their delivery. Every
 * delivery passes the residency transfer guard first, because events carry personal data, and
 * goes through {@code ReceiverConnector}: https outside dev/test, every resolved address public
 * ({@code ReceiverAddressPolicy}), the connection made to the address that was checked.
 *
 * <p>Events of other contexts ({@code scheduling}'s registration events, {@code media}'s session and
 * recording events, {@code audience}'s attendance) are observed inside their transactions and become
 * {@code webhook_delivery} outbox rows, which {@code WebhookDispatcher} sends signed, at least once.
 *
 * <p>Owns the {@code webhook_endpoint} and {@code webhook_delivery} tables. Uses {@code identity}
 * (current host and tenant), {@code residency} (transfer guard, allowances, catalogue), {@code scheduling}
 * (registrants to export, registration events), {@code media} and {@code audience} (their events only)
 * and {@code shared}.
 */
package eu.plenum.webhooks;

/**
 * Webhooks: endpoints a tenant registers to receive Plenum events, and their delivery. Every
 * delivery passes the residency transfer guard first, because events carry personal data, and
 * goes through {@code ReceiverConnector}: https outside dev/test, every resolved address public
 * ({@code ReceiverAddressPolicy}), the connection made to the address that was checked.
 *
 * <p>Owns the {@code webhook_endpoint} table. Uses {@code identity} (current host and tenant),
 * {@code residency} (transfer guard, allowances, catalogue), {@code scheduling} (registrants to export)
 * and {@code shared}.
 */
package eu.plenum.webhooks;

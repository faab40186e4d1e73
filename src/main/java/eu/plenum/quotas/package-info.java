/**
 * Tenant quotas: concurrent live rooms, WebRTC viewers per room, recording storage and registrations per webinar —
 * defaults from {@code plenum.quotas.*}, per-tenant overrides set by operators (table {@code tenant_quota}, every
 * change audited as {@code quota.changed}), and the admission checks that {@code media} (go-live, WHEP admission,
 * recording start) and {@code scheduling} (registration) call where the work happens.
 *
 * <p>Owns the {@code tenant_quota} table and reads no other context's tables: the contexts that do the work
 * measure usage through the {@link eu.plenum.quotas.QuotaUsage} SPI. Other contexts use only this root package
 * ({@link eu.plenum.quotas.TenantQuotas}, {@link eu.plenum.quotas.Quota}, {@link eu.plenum.quotas.QuotaExceededException}).
 * May use {@code identity} (the tenant register, the audit of staff acts) and {@code shared}.
 */
package eu.plenum.quotas;

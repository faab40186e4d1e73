/**
 * Identity and tenancy: who is signed in (Keycloak through quarkus-oidc), which tenant a host
 * belongs to (the {@code plenum_tenant} claim), and the tenant register.
 *
 * <p>Owns the {@code tenant} table. Other contexts use only this root package: {@link
 * eu.plenum.identity.CurrentHost}, {@link eu.plenum.identity.Viewer}, {@link
 * eu.plenum.identity.TenantDirectory} and {@link eu.plenum.identity.TenantRef}. May use
 * {@code residency} (home regions, allowances, transfer guard) and {@code shared}.
 */
package eu.plenum.identity;

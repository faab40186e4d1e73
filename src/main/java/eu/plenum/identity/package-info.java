/**
 * Identity and tenancy: who is signed in (Keycloak through quarkus-oidc), which tenant a host
 * belongs to (the {@code plenum_tenant} claim), the tenant register with its suspension, and the
 * people of a tenant, changed only through Keycloak's Admin REST API as the least-privilege
 * service account {@code plenum-console} ({@code identity.keycloak}).
 *
 * <p>Owns the {@code tenant} table; stores nothing about people (Keycloak does). Other contexts use
 * only this root package: {@link eu.plenum.identity.CurrentHost}, {@link eu.plenum.identity.Viewer},
 * {@link eu.plenum.identity.TenantDirectory}, {@link eu.plenum.identity.TenantRef},
 * {@link eu.plenum.identity.TenantHosts} (the own tenant's hosts, read-only, for the moderator picker), and for the
 * console {@link eu.plenum.identity.TenantPeople}, {@link eu.plenum.identity.PeopleScope},
 * {@link eu.plenum.identity.TenantSuspensions} and {@link eu.plenum.identity.TenantOnboarding}. May use
 * {@code residency} (home regions, allowances, transfer guard) and {@code shared}.
 */
package eu.plenum.identity;

/**
 * Back-office console for operators and tenant administrators: tenants (create in a home region,
 * suspend, reactivate) and their people (invite, give or take the host role, remove), regions and
 * sites, media workers, replication, retention and the audit log.
 *
 * <p>Owns no tables of its own; its pages call the other contexts through their root packages
 * ({@code compliance}, {@code identity}, {@code residency}, {@code scheduling}, {@code sites}) and may
 * use {@code shared}. Who may see which tenant is decided in {@code identity} ({@code PeopleScope}).
 */
package eu.plenum.console;

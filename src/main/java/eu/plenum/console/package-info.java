/**
 * Back-office console for operators and tenant administrators: tenants (create in a home region,
 * suspend, reactivate), their people (invite, give or take the host role, remove), their quotas and usage,
 * the platform overview (live rooms, viewers, media workers, replication, mail queue, transfer refusals, with
 * Chart.js charts), regions and sites, media workers, replication, retention and the audit log.
 *
 * <p>Owns no tables of its own; its pages call the other contexts through their root packages
 * ({@code compliance}, {@code identity}, {@code mail}, {@code media}, {@code quotas}, {@code residency},
 * {@code scheduling}, {@code sites}) and may
 * use {@code shared}. Who may see which tenant is decided in {@code identity} ({@code PeopleScope}).
 */
package eu.plenum.console;

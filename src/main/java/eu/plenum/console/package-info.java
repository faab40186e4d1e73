/**
 * Back-office console for operators: tenants, regions and sites, media workers, replication,
 * retention and the audit log.
 *
 * <p>Owns no tables of its own; reads the other contexts through their root packages
 * ({@code identity}, {@code residency}, {@code scheduling}, {@code sites}) and may use
 * {@code shared}.
 */
package eu.plenum.console;

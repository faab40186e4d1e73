/**
 * Sites: the primary and backup EU sites and the PostgreSQL replication between them — what the
 * app sees of it (role of its database server, standbys, synchronous state, lag), exposed on
 * health, metrics and the admin API. Failover commands and recording copies arrive with the rest
 * of the "Two EU sites" work.
 *
 * <p>Owns no tables. Reads PostgreSQL's own views. May use {@code shared}.
 */
package eu.plenum.sites;

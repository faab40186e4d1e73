/**
 * Sites: the primary and backup EU sites and the PostgreSQL replication between them — what the
 * app sees of it (role of its database server, standbys, synchronous state, lag), exposed on
 * health, metrics, the admin API and the console, and the policy for a lost synchronous standby
 * ({@link eu.plenum.sites.StandbyLossGuard}: block, or degrade to asynchronous with an alert) — applied
 * by the app on plain streaming replication, or by Patroni's synchronous mode when Patroni manages the two
 * sites ({@code plenum.sites.replication-manager=patroni}, {@code deploy/sites/two-sites}), where failover,
 * demotion of a cut-off primary and its rejoining are Patroni's; {@link eu.plenum.sites.PatroniCluster} reads Patroni's
 * view over its REST API and asks it for planned switchovers (the console's replication page). Backups (pgbackrest) are
 * deployment, not code: {@code deploy/sites/pgbackrest}. Recording copies to the backup site live in {@code media}.
 *
 * <p>Owns no tables. Reads PostgreSQL's own views. Uses {@code residency} (every standby is a transfer put to its
 * transfer guard) and {@code shared}.
 */
package eu.plenum.sites;

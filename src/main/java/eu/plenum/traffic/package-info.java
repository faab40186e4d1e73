/**
 * Hostile traffic at the door: who the client is (the socket peer, or the address a declared edge or
 * proxy forwarded), rate limits per client address and per credential for every class of public
 * endpoint (bucket4j; in PostgreSQL where a limit must hold across app nodes), global load shedding
 * (503 when the event loop, the worker pool or the database pool saturates) and the body deadline (408).
 *
 * <p>Owns no personal data: client addresses and credentials live only as bucket keys, as a keyed hash
 * (HMAC under {@code plenum.links.key}), in memory or in the {@code traffic_bucket} table (V046) for at
 * most one refill period. Depends only on {@code shared}; no context calls it — it filters requests by
 * path before any resource runs.
 */
package eu.plenum.traffic;

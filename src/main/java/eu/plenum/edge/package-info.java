/**
 * The edge-only node ({@code plenum.roles=edge}, possibly outside the EU): a stateless, in-memory HTTP
 * cache and relay of the live HLS of <em>open</em> webinars, fetched from the EU origin
 * ({@code plenum.edge.origin-url}) and opened by the signed URL alone ({@code shared.PlaybackSignatures},
 * verify key only, scope {@code live-open}); and the gate that answers every other path — registration,
 * join links, sign-in, API, host and console pages, WebSockets, compliance self-service — with a
 * redirect to the origin (GET, HEAD) or a 404 problem (other methods) without reading a body.
 *
 * <p>Owns no personal data and nothing at rest: the cache holds playlists and segments only, bounded in
 * bytes and in time (a playlist for a second, a segment for the live window at most); client addresses
 * live only as keys of the in-memory rate limiter for one refill period. Depends only on {@code shared};
 * no context calls it — on an edge-only node it filters requests by path before any resource runs.
 */
package eu.plenum.edge;

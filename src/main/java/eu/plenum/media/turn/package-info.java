/**
 * TURN relay for WebRTC peers behind strict NATs and firewalls: ephemeral credentials of coturn's
 * REST-API scheme ({@code use-auth-secret}), minted from the secret Plenum shares with the TURN servers,
 * for the relay places the residency configuration declares ({@code kind=turn-relay}, EU regions only),
 * handed out as WHIP/WHEP {@code Link: rel="ice-server"} headers and to the studio and attendee pages.
 */
package eu.plenum.media.turn;

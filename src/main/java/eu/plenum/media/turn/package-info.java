/**
 * Configuration of the TURN relay (coturn): the secret shared with the TURN servers and the lifetime of the
 * ephemeral REST-API credentials that {@code media.TurnCredentials} (root API, so that the audience pages can
 * use it) mints for the declared EU relay places ({@code kind=turn-relay}).
 */
package eu.plenum.media.turn;

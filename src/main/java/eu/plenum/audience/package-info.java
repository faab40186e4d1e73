/**
 * Audience: what attendees see and do between their personal join link and the player — the
 * lobby, attendee sessions (one per device, bound to a registration, at most
 * {@code plenum.audience.devices-per-registration}), viewer passes for WHEP and signed HLS URLs,
 * and the stage of the room they wait for.
 *
 * <p>Owns the {@code attendee_session} table (a registration id, a token's SHA-256 and times: when a
 * registrant attended, exported and erased per person by {@code AttendeeSessionPersonalData}). Uses {@code media}'s root API ({@code RoomStates}, {@code ViewerPasses}, {@code Viewing},
 * {@code LiveHls}), {@code scheduling}'s root API (attendance of a join link; it observes
 * {@code RegistrationWithdrawn}), {@code identity} (the hosting organisation's name), {@code consent} (the recording notice shown on entering
 * a recorded session is a consent record) and {@code shared}.
 */
package eu.plenum.audience;

/**
 * Audience: what attendees see and do between their personal join link and the player — the
 * lobby, attendee sessions (one per device, bound to a registration, at most
 * {@code plenum.audience.devices-per-registration}), viewer passes for WHEP and signed HLS URLs,
 * and the stage of the room they wait for.
 *
 * <p>Attendance: the attendee page's open event stream is the presence signal ({@code AttendancePresence},
 * table {@code attendance_presence}, one row per device connection with a heartbeat), merged per
 * registration into intervals ({@code AttendanceIntervals}) for the host's report ({@code AttendanceReports},
 * CSV, page with Chart.js); {@code AttendanceFinalisation} keeps each session's live window
 * ({@code attendance_session}, from media's {@code SessionWentLive}/{@code SessionEnded}) and fires
 * {@code AttendanceReady}. Questions and polls per attendee come through {@code AttendeeInteractions},
 * which liveroom implements.
 *
 * <p>Owns the {@code attendee_session} table (a registration id, a token's SHA-256 and times: when a
 * registrant attended, exported and erased per person by {@code AttendeeSessionPersonalData}) and the
 * attendance tables (personal data by registration: {@code AttendancePersonalData}). Uses {@code media}'s root API ({@code RoomStates}, {@code ViewerPasses}, {@code Viewing},
 * {@code LiveHls}), {@code scheduling}'s root API (attendance of a join link; it observes
 * {@code RegistrationWithdrawn}), {@code identity} (the hosting organisation's name), {@code consent} (the recording notice shown on entering
 * a recorded session is a consent record; the registrant's consent page {@code /join/{token}/consents},
 * {@code ConsentChoices}, withdraws or gives the recording consent, and the lobby shows whether it stands) and {@code shared}.
 */
package eu.plenum.audience;

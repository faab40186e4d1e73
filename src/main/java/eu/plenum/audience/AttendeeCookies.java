package eu.plenum.audience;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The attendee's way in for other contexts (the live room's socket): the attendee-session or
 * open-viewer cookie of a webinar, resolved to the admitted session, with the name others see.
 */
@jakarta.enterprise.context.ApplicationScoped
public class AttendeeCookies {

    /** An admitted attendee with the registration's name (null for an open viewer, who chooses one). */
    public record Attendee(AttendeeSessions.Admitted admitted, String name) {
    }

    private final AttendeeSessions sessions;
    private final OpenViewers viewers;
    private final AttendeeLobby lobbies;
    private final eu.plenum.audience.domain.AttendeeSessionRepository rows;

    AttendeeCookies(AttendeeSessions sessions, OpenViewers viewers, AttendeeLobby lobbies,
            eu.plenum.audience.domain.AttendeeSessionRepository rows) {
        this.rows = rows;
        this.sessions = sessions;
        this.viewers = viewers;
        this.lobbies = lobbies;
    }

    /** Whether the request carries a cookie of this webinar's attendee or open-viewer session. */
    public static boolean present(UUID webinarId, Function<String, String> cookie) {
        return cookie.apply(eu.plenum.audience.web.AttendeeCookieNames.attendee(webinarId)) != null
                || cookie.apply(eu.plenum.audience.web.AttendeeCookieNames.viewer(webinarId)) != null;
    }

    /** The session the request's cookie stands for, if it is admitted to the webinar now. */
    @jakarta.transaction.Transactional
    public Optional<Attendee> admitted(UUID webinarId, Function<String, String> cookie) {
        Optional<AttendeeSessions.Admitted> registered = sessions.admitted(webinarId,
                cookie.apply(eu.plenum.audience.web.AttendeeCookieNames.attendee(webinarId)));
        if (registered.isPresent()) {
            return registered.map(admitted -> new Attendee(admitted, lobbies.of(admitted).name()));
        }
        String viewer = cookie.apply(eu.plenum.audience.web.AttendeeCookieNames.viewer(webinarId));
        return viewer == null ? Optional.empty() : viewers.admitted(webinarId, viewer).map(admitted -> new Attendee(admitted, null));
    }

    /** The registration of an attendee session (empty for an open viewer's id, which has no row). */
    @jakarta.transaction.Transactional
    public Optional<UUID> registrationOf(UUID attendeeSessionId) {
        return rows.findByIdOptional(attendeeSessionId).map(eu.plenum.audience.domain.AttendeeSession::registrationId);
    }

    /** Ends every attendee session of a registration (a moderator banned them); their playback stops. */
    public void endAll(UUID registrationId) {
        sessions.endAll(registrationId);
    }
}

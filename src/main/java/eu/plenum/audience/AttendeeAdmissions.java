package eu.plenum.audience;

import eu.plenum.audience.domain.AttendeeSession;
import eu.plenum.audience.domain.AttendeeSessionRepository;
import eu.plenum.media.ViewerAdmissions;
import eu.plenum.scheduling.Registrations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tells media which of the attendee sessions watching on a node may no longer watch: the session
 * ended (left, replaced by a newer device, revoked) or its registration may no longer attend. Media
 * asks every few seconds on every node, so playback stops wherever the attendee is served. Holders
 * with no session row are open viewers (a random id in a signed cookie, nothing stored): they are not
 * revoked one by one.
 */
@ApplicationScoped
class AttendeeAdmissions implements ViewerAdmissions {

    private final AttendeeSessionRepository sessions;
    private final Registrations registrations;

    AttendeeAdmissions(AttendeeSessionRepository sessions, Registrations registrations) {
        this.sessions = sessions;
        this.registrations = registrations;
    }

    @Override
    public Set<UUID> revoked(Collection<UUID> holders) {
        List<AttendeeSession> known = sessions.list("id in ?1", List.copyOf(holders));
        return known.stream().filter(session -> !session.active() || !registrations.admitted(session.registrationId()))
                .map(AttendeeSession::id).collect(Collectors.toUnmodifiableSet());
    }
}

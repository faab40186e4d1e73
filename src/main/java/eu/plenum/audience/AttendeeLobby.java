package eu.plenum.audience;

import eu.plenum.identity.TenantDirectory;
import eu.plenum.identity.TenantRef;
import eu.plenum.media.RoomStates;
import eu.plenum.media.RoomStates.AudienceRoom;
import eu.plenum.scheduling.RecordingPolicy;
import eu.plenum.scheduling.Registrations;
import eu.plenum.scheduling.WebinarAccess;
import eu.plenum.scheduling.WebinarView;
import eu.plenum.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What the lobby shows: the webinar, who hosts it, the session the attendee waits for and its stage. Reads only. */
@ApplicationScoped
public class AttendeeLobby {

    /**
     * The lobby of one registration. {@code session} is the one being watched: a session whose room
     * is live or backstage, else the next one that has not ended, else the last; {@code stage} its
     * room's stage (WAITING when no room was opened yet); {@code recordingConsent} whether the
     * registrant's recording consent stands now (false once withdrawn, and for an open viewer).
     */
    public record Lobby(String name, UUID registrationId, String organisation, WebinarView webinar, WebinarView.SessionView session,
            AudienceRoom room, boolean recorded, String tenantId, boolean recordingConsent) {

        public String stage() {
            return room == null ? RoomStates.Stage.WAITING.name() : room.stage().name();
        }

        public Instant startsAt() {
            return session == null ? null : session.startsAt();
        }
    }

    /** Version of the recording notice's text (stored with the record that it was shown); raise it when the text changes. */
    public static final String RECORDING_NOTICE_VERSION = "recording-notice-2026-12";

    private final Registrations registrations;
    private final TenantDirectory tenants;
    private final RoomStates rooms;
    private final Clock clock;
    private final WebinarAccess access;

    AttendeeLobby(Registrations registrations, TenantDirectory tenants, RoomStates rooms, Clock clock, WebinarAccess access) {
        this.access = access;
        this.registrations = registrations;
        this.tenants = tenants;
        this.rooms = rooms;
        this.clock = clock;
    }

    /** The lobby behind a personal join link (404 when the link does not work). */
    public Lobby ofJoinLink(String joinToken) {
        return of(registrations.attendance(joinToken));
    }

    /** The lobby of an admitted attendee (or open-viewer) session. */
    public Lobby of(AttendeeSessions.Admitted admitted) {
        if (admitted.openViewer()) {
            return ofOpenWebinar(admitted.webinarId());
        }
        return registrations.attendance(admitted.registrationId()).map(this::of)
                .orElseThrow(() -> new NotFoundException("This registration does not attend any more."));
    }

    /** The lobby of an open webinar's public watch link: nobody named (404 unless the webinar is open). */
    public Lobby ofOpenWebinar(UUID webinarId) {
        WebinarAccess.OpenWebinar open = access.open(webinarId)
                .orElseThrow(() -> new NotFoundException("There is no open webinar at this address."));
        return of(null, null, open.webinar(), open.tenantId(), false);
    }

    private Lobby of(Registrations.Attendance attendance) {
        return of(attendance.name(), attendance.registrationId(), attendance.webinar(), attendance.tenantId(), attendance.recordingConsent());
    }

    private Lobby of(String name, UUID registrationId, WebinarView webinar, String tenantId, boolean recordingConsent) {
        // A suspended tenant's attendees get a clear page (tenant-suspended), not its lobby; nothing is deleted.
        tenants.requireActive(tenantId);
        List<WebinarView.SessionView> open = webinar.sessions().stream().filter(s -> "SCHEDULED".equals(s.status())).toList();
        Map<UUID, AudienceRoom> roomsBySession = rooms.ofSessions(open.stream().map(WebinarView.SessionView::id).toList());
        Instant now = clock.instant();
        WebinarView.SessionView session = open.stream()
                .filter(s -> Optional.ofNullable(roomsBySession.get(s.id()))
                        .filter(room -> room.stage() == RoomStates.Stage.LIVE || room.stage() == RoomStates.Stage.BACKSTAGE).isPresent())
                .findFirst()
                .or(() -> webinar.nextSession(now))
                .orElse(open.isEmpty() ? null : open.get(open.size() - 1));
        AudienceRoom room = session == null ? null : roomsBySession.get(session.id());
        String organisation = tenants.find(tenantId).map(TenantRef::name).orElse("");
        return new Lobby(name, registrationId, organisation, webinar, session, room,
                webinar.recordingPolicy() != RecordingPolicy.OFF, tenantId, recordingConsent);
    }
}

package eu.plenum.liveroom.socket;

import eu.plenum.audience.AttendeeCookies;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TokenClaims;
import eu.plenum.liveroom.Participant;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Who opens a room's socket: an admitted attendee of the session's webinar (attendee-session cookie,
 * or an open viewer with the name they chose), the webinar's host, or a host of the same tenant that
 * the host picked as moderator. Banned participants are recognised here; anyone else is refused.
 */
@ApplicationScoped
class LiveAdmission {

    /** The outcome: a participant, possibly banned. */
    record Admission(Participant who, boolean banned) {
    }

    /** The webinar of a session, as the socket needs it. */
    record SessionOwner(UUID webinarId, String tenantId, String createdBy) {
    }

    static final int NAME_LIMIT = 40;

    /** Looked up when used: an edge node has no datasource, and injecting it directly fails that node's start. */
    private final jakarta.enterprise.inject.Instance<AgroalDataSource> databases;
    private final AttendeeCookies attendees;

    LiveAdmission(jakarta.enterprise.inject.Instance<AgroalDataSource> databases, AttendeeCookies attendees) {
        this.databases = databases;
        this.attendees = attendees;
    }

    Optional<Admission> admit(UUID sessionId, Function<String, String> cookie, String chosenName, SecurityIdentity identity) {
        Optional<SessionOwner> owner = owner(sessionId);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        SessionOwner session = owner.get();
        if (AttendeeCookies.present(session.webinarId(), cookie)) {
            Optional<Admission> attendee = attendees.admitted(session.webinarId(), cookie).map(admitted -> {
                String name = admitted.name() != null ? admitted.name() : viewerName(chosenName);
                Participant who = new Participant(sessionId, session.webinarId(), session.tenantId(), admitted.admitted().sessionId(),
                        admitted.admitted().registrationId(), name, Participant.Role.ATTENDEE);
                return new Admission(who, banned(session.webinarId(), who));
            });
            if (attendee.isPresent()) {
                return attendee;
            }
        }
        return host(sessionId, session, identity);
    }

    private Optional<Admission> host(UUID sessionId, SessionOwner session, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !identity.hasRole(PlenumRoles.HOST)) {
            return Optional.empty();
        }
        String tenant = TokenClaims.string(identity.getPrincipal(), PlenumRoles.TENANT_CLAIM).orElse(null);
        if (!session.tenantId().equals(tenant)) {
            return Optional.empty();
        }
        String user = identity.getPrincipal().getName();
        Participant.Role role;
        if (user.equals(session.createdBy())) {
            role = Participant.Role.HOST;
        } else if (moderator(session.webinarId(), user)) {
            role = Participant.Role.MODERATOR;
        } else {
            return Optional.empty();
        }
        String name = TokenClaims.string(identity.getPrincipal(), "given_name")
                .or(() -> TokenClaims.string(identity.getPrincipal(), "preferred_username")).orElse("Host");
        return Optional.of(new Admission(new Participant(sessionId, session.webinarId(), session.tenantId(), hostParticipant(user), null,
                name, role), false));
    }

    /** A host's participant id: stable per account, not their subject itself. */
    static UUID hostParticipant(String user) {
        return UUID.nameUUIDFromBytes(("plenum-host:" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** An open viewer's chosen name: one line, at most 40 characters, never an empty one. */
    static String viewerName(String chosen) {
        String name = chosen == null ? "" : chosen.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", " ").strip();
        if (name.codePointCount(0, name.length()) > NAME_LIMIT) {
            name = name.substring(0, name.offsetByCodePoints(0, NAME_LIMIT)).strip();
        }
        return name.isEmpty() ? "Guest" : name;
    }

    Optional<SessionOwner> owner(UUID sessionId) {
        return query("""
                SELECT w.id, w.tenant_id, w.created_by FROM webinar_session s JOIN webinar w ON w.id = s.webinar_id
                WHERE s.id = ?""", sessionId, null, rows -> new SessionOwner(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3)));
    }

    private boolean moderator(UUID webinarId, String user) {
        return query("SELECT 1 FROM live_moderator WHERE webinar_id = ? AND user_id = ?", webinarId, user, rows -> true).isPresent();
    }

    private boolean banned(UUID webinarId, Participant who) {
        try (Connection connection = databases.get().getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM live_ban WHERE webinar_id = ? AND (participant_id = ? OR registration_id = ?)")) {
            query.setObject(1, webinarId);
            query.setObject(2, who.participantId());
            query.setObject(3, who.registrationId());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Bans could not be read", e);
        }
    }

    private interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> Optional<T> query(String sql, Object first, Object second, Row<T> row) {
        try (Connection connection = databases.get().getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, first);
            if (second != null) {
                query.setObject(2, second);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(row.read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("A live room's access could not be read", e);
        }
    }
}

package eu.plenum.audience;

import eu.plenum.consent.ConsentKind;
import eu.plenum.consent.ConsentRecords;
import eu.plenum.consent.ConsentSubject;
import eu.plenum.scheduling.RecordingPolicy;
import eu.plenum.scheduling.WebinarAccess;
import eu.plenum.shared.LinkTokens;
import eu.plenum.shared.NotFoundException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * Viewers of an open webinar (anyone with its watch link): no account, no personal data. An
 * open-viewer session is a random id in a signed cookie (HMAC under the node's link key, bound to the
 * webinar) and nothing in the database — except, for a recorded webinar, the record that the
 * recording notice was shown, keyed by that random id. So nothing is there to export or erase about
 * a person, and an edge could check the cookie without a database. The price: such a session cannot
 * be ended one by one (there is no row to end); it ends when the webinar stops being open, and its
 * viewer passes live a minute.
 */
@ApplicationScoped
public class OpenViewers {

    private static final int VERSION = 1;

    private final WebinarAccess access;
    private final LinkTokens tokens;
    private final ConsentRecords consents;

    OpenViewers(WebinarAccess access, LinkTokens tokens, ConsentRecords consents) {
        this.access = access;
        this.tokens = tokens;
        this.consents = consents;
    }

    /** Enters an open webinar: the presented cookie's session if it is one of this webinar, else a new random one. */
    @Transactional
    public AttendeeSessions.Entered enter(UUID webinarId, Optional<String> presented) {
        WebinarAccess.OpenWebinar open = access.open(webinarId)
                .orElseThrow(() -> new NotFoundException("There is no open webinar at this address."));
        Optional<UUID> known = presented.flatMap(token -> viewerId(webinarId, token));
        UUID viewerId = known.orElseGet(UUID::randomUUID);
        boolean recorded = open.webinar().recordingPolicy() != RecordingPolicy.OFF;
        if (recorded) {
            consents.give(new ConsentSubject(ConsentSubject.Kind.OPEN_VIEWER, viewerId), webinarId,
                    ConsentKind.RECORDING_NOTICE_SHOWN, AttendeeLobby.RECORDING_NOTICE_VERSION);
        }
        return new AttendeeSessions.Entered(tokens.token(purpose(webinarId), viewerId, VERSION),
                new AttendeeSessions.Admitted(viewerId, null, webinarId), recorded);
    }

    /** The open-viewer session a cookie stands for, while the webinar is open. */
    public Optional<AttendeeSessions.Admitted> admitted(UUID webinarId, String token) {
        return viewerId(webinarId, token)
                .filter(id -> QuarkusTransaction.requiringNew().call(() -> access.open(webinarId).isPresent()))
                .map(id -> new AttendeeSessions.Admitted(id, null, webinarId));
    }

    private Optional<UUID> viewerId(UUID webinarId, String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.idOf(token).filter(id -> tokens.matches(token, purpose(webinarId), id, VERSION));
    }

    private static String purpose(UUID webinarId) {
        return "open-viewer:" + webinarId;
    }
}

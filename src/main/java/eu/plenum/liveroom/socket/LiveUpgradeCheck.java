package eu.plenum.liveroom.socket;

import eu.plenum.liveroom.LiveConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Checks a live socket's upgrade request before it becomes a socket: the Origin must be this site
 * (the socket is cookie-authenticated, and browsers let any page open a WebSocket anywhere: a
 * cross-site page must not ride an attendee's cookie), and the caller must be admitted to the room
 * ({@link LiveAdmission}); 403 otherwise, 404 for an unknown session. Database reads run on a
 * worker thread, never the event loop.
 */
@ApplicationScoped
class LiveUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<LiveAdmission.Admission> ADMISSION = new UserData.TypedKey<>("plenum.live.admission");
    static final UserData.TypedKey<Long> AFTER = UserData.TypedKey.forLong("plenum.live.after");

    private final LiveAdmission admission;
    private final List<String> allowedOrigins;

    LiveUpgradeCheck(LiveAdmission admission, LiveConfig config) {
        this.admission = admission;
        this.allowedOrigins = config.allowedOrigins().orElse(List.of());
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        if (!sameSite(request)) {
            return CheckResult.rejectUpgrade(403);
        }
        UUID sessionId;
        Long after;
        try {
            String path = request.path();
            sessionId = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
            String afterParam = request.getParam("after");
            after = afterParam == null ? null : Long.parseLong(afterParam);
        } catch (IllegalArgumentException | NullPointerException e) {
            return CheckResult.rejectUpgrade(404);
        }
        String name = request.getParam("name");
        return context.securityIdentity().onFailure().recoverWithItem((SecurityIdentity) null)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(identity -> admission.admit(sessionId, cookieName -> value(request.getCookie(cookieName)), name, identity))
                .map(admitted -> {
                    if (admitted.isEmpty()) {
                        return CheckResult.rejectUpgradeSync(403);
                    }
                    context.userData().put(ADMISSION, admitted.get());
                    if (after != null) {
                        context.userData().put(AFTER, after);
                    }
                    return CheckResult.permitUpgradeSync();
                });
    }

    private static String value(Cookie cookie) {
        return cookie == null ? null : cookie.getValue();
    }

    /** No Origin: not a browser (no ambient cookie to abuse). Else it must name this host, or an allowed origin. */
    boolean sameSite(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        if (allowedOrigins.contains(origin)) {
            return true;
        }
        try {
            String host = request.getHeader("Host");
            return host != null && !"null".equals(origin) && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

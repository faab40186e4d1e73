package eu.plenum.audience;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of the attendee side, which anyone holding a join link can call. */
@ConfigMapping(prefix = "plenum.audience")
public interface AudienceConfig {

    /**
     * Devices that may watch at once on one registration. A further device pushes the oldest out
     * (as Zoom and ClickMeeting do when a join link is opened elsewhere): an attendee who moves from
     * laptop to phone is never locked out, and a shared link still serves only this many screens.
     */
    @WithDefault("2")
    int devicesPerRegistration();

    /** Whether the attendee cookie is marked Secure (HTTPS only). Off only in dev and test, which run on plain http. */
    @WithDefault("true")
    boolean secureCookie();

    /** How long a viewer pass (the WHEP bearer) lets its holder start watching. */
    @WithDefault("60S")
    Duration passLifetime();

    /** The per-source-address limit on the attendee endpoints (lobby, enter, pass, events), enforced by the traffic gate's class 'attendee'. */
    PerSource perSource();

    /** How presences on the attendee page become attendance. */
    Attendance attendance();

    /** Attendance from the attendee page's event stream. */
    interface Attendance {

        /** A gap between two presences of one registration shorter than this is not leaving (see AttendanceIntervals). */
        @WithDefault("60S")
        Duration bridge();

        /** How often a node renews the presences of the streams it serves (read by the scheduler as {@code heartbeat-every}). */
        @WithDefault("30s")
        String heartbeatEvery();

        /** A presence not renewed for this long belonged to a node that died: it is closed at its last heartbeat. */
        @WithDefault("90S")
        Duration silentAfter();

        /** How long after a session's live period ended its attendance is final (attendance.ready): late leavers are in. */
        @WithDefault("5M")
        Duration finalAfter();

        /** How often each app node looks for sessions whose attendance became final (read by the scheduler). */
        @WithDefault("10s")
        String finaliseEvery();
    }

    /** A token bucket per client address: {@code requests} at once, refilled evenly over {@code period}. */
    interface PerSource {

        /** Requests one address may send in a burst, and per period. Raise it when many attendees share one NAT. */
        @WithDefault("120")
        int requests();

        @WithDefault("1M")
        Duration period();
    }
}

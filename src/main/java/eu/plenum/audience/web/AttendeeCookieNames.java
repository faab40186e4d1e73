package eu.plenum.audience.web;

import java.util.UUID;

/** Names of the attendee cookies, for the audience context's root API. */
public final class AttendeeCookieNames {

    private AttendeeCookieNames() {
    }

    public static String attendee(UUID webinarId) {
        return AttendeePages.COOKIE_PREFIX + webinarId;
    }

    public static String viewer(UUID webinarId) {
        return AttendeePages.VIEWER_COOKIE_PREFIX + webinarId;
    }
}

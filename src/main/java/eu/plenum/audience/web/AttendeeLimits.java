package eu.plenum.audience.web;

import eu.plenum.shared.RequestBodyLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.regex.Pattern;

/** The attendee POSTs carry no body worth reading (the cookie and the path say everything; the consent form one field): 1 KiB at most. */
@ApplicationScoped
class AttendeeLimits {

    static final Pattern POSTS = Pattern.compile("/(join|watch)/[^/]+/enter|/attend/[^/]+/(pass|leave)|/join/[^/]+/consents/(withdraw|recording)");

    @Produces
    @jakarta.inject.Singleton
    RequestBodyLimit attendeePosts() {
        return new RequestBodyLimit(POSTS, 1024, "An attendee request");
    }
}

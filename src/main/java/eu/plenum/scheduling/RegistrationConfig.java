package eu.plenum.scheduling;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of the public registration surface, which anyone on the internet can call. */
@ConfigMapping(prefix = "plenum.registration")
public interface RegistrationConfig {

    /**
     * Mails that public registration requests may trigger per address and webinar per (UTC) day:
     * the confirmation link, or a copy of the join link for an address already registered.
     */
    @WithDefault("3")
    int mailsPerAddressPerDay();

    /** The per-source-address limit on registration requests (API and page), enforced across app nodes by the traffic gate's class 'registration'. */
    PerSource perSource();

    /** A token bucket per client address: {@code requests} at once, refilled evenly over {@code period}. */
    interface PerSource {

        /** Requests one address may send in a burst, and per period. Raise it when many attendees share one NAT. */
        @WithDefault("30")
        int requests();

        /** The period over which the bucket refills completely. */
        @WithDefault("10M")
        Duration period();
    }
}

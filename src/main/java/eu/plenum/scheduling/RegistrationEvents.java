package eu.plenum.scheduling;

import eu.plenum.scheduling.domain.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;

/** Tells other contexts (webhooks) what happened to a registration, inside the transaction that changed it. */
@ApplicationScoped
class RegistrationEvents {

    private final Event<RegistrationCreated> created;
    private final Event<RegistrationConfirmed> confirmed;
    private final Event<RegistrationCancelled> cancelled;
    private final Clock clock;

    RegistrationEvents(Event<RegistrationCreated> created, Event<RegistrationConfirmed> confirmed,
            Event<RegistrationCancelled> cancelled, Clock clock) {
        this.created = created;
        this.confirmed = confirmed;
        this.cancelled = cancelled;
        this.clock = clock;
    }

    void created(Registration registration) {
        created.fire(new RegistrationCreated(registration.tenantId(), registration.webinarId(), registration.id(),
                registration.email(), clock.instant()));
    }

    void confirmed(Registration registration) {
        confirmed.fire(new RegistrationConfirmed(registration.tenantId(), registration.webinarId(), registration.id(),
                registration.email(), registration.status().name(), clock.instant()));
    }

    void cancelled(Registration registration, String reason) {
        cancelled.fire(new RegistrationCancelled(registration.tenantId(), registration.webinarId(), registration.id(),
                registration.email(), reason, clock.instant()));
    }
}

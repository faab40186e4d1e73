package eu.plenum.shared;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The clock every rule about "now" asks, so tests can move time instead of waiting for it. */
@ApplicationScoped
public class Clocks {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock systemClock() {
        return Clock.systemUTC();
    }
}

package eu.plenum.traffic;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** One class of public endpoints (registration, join, WHIP, …) and the buckets that limit it. */
record EndpointClass(String name, Pattern paths, Set<String> methods, int order, boolean shared,
        Optional<Rate> perAddress, Optional<Rate> perCredential) {

    /** {@code requests} at once, refilled evenly over {@code period}. */
    record Rate(int requests, Duration period) {

        Rate {
            if (requests < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs at least one request and a positive period");
            }
        }
    }

    boolean covers(String method) {
        return methods.isEmpty() || methods.contains(method);
    }
}

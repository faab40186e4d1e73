package eu.plenum.traffic;

import io.github.bucket4j.ConsumptionProbe;

/** The answer of a bucket: admitted, or refused with the seconds until a request fits again. */
record Verdict(boolean admitted, long retryAfterSeconds) {

    static final Verdict ADMITTED = new Verdict(true, 0);

    static Verdict of(ConsumptionProbe probe) {
        return probe.isConsumed() ? ADMITTED
                : new Verdict(false, Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }
}

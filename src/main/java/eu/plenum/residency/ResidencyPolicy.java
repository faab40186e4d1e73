package eu.plenum.residency;

import java.util.Optional;

/**
 * The rule of where personal data may rest or go: EU and EEA always; an adequate country only
 * with an explicit allowance that records its legal basis; a third country never.
 */
public final class ResidencyPolicy {

    private ResidencyPolicy() {
    }

    /** The outcome of asking whether personal data may be in a region; a refusal's reason describes the region. */
    public record Decision(boolean allowed, String legalBasis, String reason) {
    }

    /**
     * @param allowance the legal basis the operator recorded for this region, if any
     */
    public static Decision mayHoldPersonalData(Region region, Optional<String> allowance) {
        return switch (region.jurisdiction()) {
            case EU -> new Decision(true, "GDPR applies (EU member state)", "EU");
            case EEA -> new Decision(true, "GDPR applies (EEA agreement)", "EEA");
            case ADEQUATE -> allowance.filter(basis -> !basis.isBlank())
                    .map(basis -> new Decision(true, basis, "adequate, allowed explicitly"))
                    .orElseGet(() -> new Decision(false, null, "an adequate country ("
                            + region.adequacyDecision() + ") that needs an explicit allowance with its legal basis"));
            case THIRD_COUNTRY -> new Decision(false, null,
                    "a third country, where personal data may never be stored or sent");
        };
    }
}

package eu.plenum.residency;

import eu.plenum.shared.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Which regions a tenant may call home: EU and EEA regions; an adequate region only with a stated
 * legal basis (recorded as the tenant's allowance); never a third country.
 */
@ApplicationScoped
public class HomeRegions {

    private final RegionCatalogue catalogue;

    HomeRegions(RegionCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param field name of the request field the code came from, for the error
     * @param legalBasis the legal basis offered for an adequate region (ignored for EU/EEA)
     * @return the region, when it may be the home of the tenant's personal data
     */
    public Region requireAllowed(String field, String code, String legalBasis) {
        Region region = catalogue.require(field, code);
        ResidencyPolicy.Decision decision = ResidencyPolicy.mayHoldPersonalData(region, Optional.ofNullable(legalBasis));
        if (!decision.allowed()) {
            throw InvalidInputException.of(field, region.label() + " is " + decision.reason());
        }
        return region;
    }

    public boolean needsAllowance(Region region) {
        return region.jurisdiction() == Jurisdiction.ADEQUATE;
    }
}

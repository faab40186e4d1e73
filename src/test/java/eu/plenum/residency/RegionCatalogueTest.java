package eu.plenum.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The packaged catalogue and the policy's rules. */
class RegionCatalogueTest {

    private final RegionCatalogue catalogue = RegionCatalogue.load(Optional.empty());

    @Test
    void packagedCatalogueHasTheRegionsTheCustomerNamed() {
        for (String eu : List.of("eu-fra", "eu-waw", "eu-sxb", "eu-gra", "eu-vie")) {
            assertEquals(Jurisdiction.EU, catalogue.require("code", eu).jurisdiction(), eu);
        }
        Region london = catalogue.require("code", "uk-lon");
        assertEquals(Jurisdiction.ADEQUATE, london.jurisdiction());
        assertTrue(london.adequacyDecision().contains("2021/1772"));
        assertEquals(Jurisdiction.THIRD_COUNTRY, catalogue.require("code", "us-vin").jurisdiction());
        assertEquals("PL", catalogue.require("code", "eu-waw").country());
    }

    @Test
    void unknownCodesAreRefused() {
        UnknownRegionException refused = assertThrows(UnknownRegionException.class, () -> catalogue.require("homeRegionCode", "eu-mars"));
        assertEquals("homeRegionCode", refused.fieldErrors().get(0).field());
        assertTrue(catalogue.find(null).isEmpty());
    }

    @Test
    void adequateRegionWithoutDecisionIsAnInvalidCatalogue() {
        String yaml = "regions:\n  - {code: uk-lon, city: London, country: GB, jurisdiction: ADEQUATE, provider: x, datacenter: y}\n";
        assertThrows(IllegalStateException.class,
                () -> RegionCatalogue.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void policyAllowsEuAndEeaAdequateOnlyWithBasisAndNeverThirdCountries() {
        assertTrue(ResidencyPolicy.mayHoldPersonalData(catalogue.require("c", "eu-vie"), Optional.empty()).allowed());
        assertTrue(ResidencyPolicy.mayHoldPersonalData(catalogue.require("c", "no-osl"), Optional.empty()).allowed());
        Region london = catalogue.require("c", "uk-lon");
        assertEquals(false, ResidencyPolicy.mayHoldPersonalData(london, Optional.empty()).allowed());
        assertEquals(false, ResidencyPolicy.mayHoldPersonalData(london, Optional.of(" ")).allowed());
        assertEquals("Art. 45", ResidencyPolicy.mayHoldPersonalData(london, Optional.of("Art. 45")).legalBasis());
        assertEquals(false, ResidencyPolicy.mayHoldPersonalData(catalogue.require("c", "us-vin"), Optional.of("consent")).allowed());
    }
}

package eu.plenum.residency;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;

/** The operator's declared places (plenum.residency.places), each with its catalogue region. */
@ApplicationScoped
public class DeclaredPlaces {

    private final List<DeclaredPlace> places;
    private final Region nodeRegion;

    DeclaredPlaces(ResidencyConfig config, RegionCatalogue catalogue) {
        this.places = config.places().entrySet().stream()
                .map(entry -> new DeclaredPlace(entry.getKey(), entry.getValue().kind(),
                        catalogue.require("plenum.residency.places." + entry.getKey() + ".region", entry.getValue().region()),
                        entry.getValue().target(), entry.getValue().backupFor()))
                .sorted(Comparator.comparing(DeclaredPlace::name))
                .toList();
        this.nodeRegion = catalogue.require("plenum.residency.node-region", config.nodeRegion());
    }

    public List<DeclaredPlace> all() {
        return places;
    }

    public List<DeclaredPlace> ofKind(PlaceKind kind) {
        return places.stream().filter(place -> place.kind() == kind).toList();
    }

    public Region nodeRegion() {
        return nodeRegion;
    }

    /**
     * Where a tenant's recordings are written: recording storage in its home region, plus the
     * storage declared as that region's backup. Nothing else.
     */
    public List<DeclaredPlace> recordingStorageFor(String homeRegionCode) {
        return ofKind(PlaceKind.RECORDING_STORAGE).stream()
                .filter(place -> place.region().code().equals(homeRegionCode)
                        || place.backupFor().filter(homeRegionCode::equals).isPresent())
                .toList();
    }
}

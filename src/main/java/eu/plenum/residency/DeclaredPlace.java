package eu.plenum.residency;

import java.util.Optional;

/** A place the operator declared, resolved against the catalogue. */
public record DeclaredPlace(String name, PlaceKind kind, Region region, Optional<String> target, Optional<String> backupFor) {
}

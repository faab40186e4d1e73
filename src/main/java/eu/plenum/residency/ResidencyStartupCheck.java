package eu.plenum.residency;

import eu.plenum.shared.NodeRole;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What must hold before a node may start: every region code known, every declared place in a
 * region the policy allows, and a node outside the allowed regions running nothing but the edge
 * role. Returns one message per offending place; an empty list means the node may start.
 */
public final class ResidencyStartupCheck {

    private ResidencyStartupCheck() {
    }

    public static List<String> violations(ResidencyConfig config, Set<NodeRole> roles) {
        List<String> problems = new ArrayList<>();
        RegionCatalogue catalogue;
        try {
            catalogue = RegionCatalogue.load(config.catalogue());
        } catch (RuntimeException e) {
            return List.of("The region catalogue cannot be read: " + e.getMessage());
        }
        Optional<Region> node = catalogue.find(config.nodeRegion());
        if (node.isEmpty()) {
            problems.add("Unknown region code '" + config.nodeRegion() + "' in plenum.residency.node-region");
        } else {
            nodeRoleProblem(node.get(), roles, config.adequateAllowances()).ifPresent(problems::add);
        }
        for (String code : config.adequateAllowances().keySet()) {
            if (catalogue.find(code).isEmpty()) {
                problems.add("Unknown region code '" + code + "' in plenum.residency.adequate-allowances");
            }
        }
        config.places().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(place -> placeProblem(place.getKey(), place.getValue(), catalogue, config).ifPresent(problems::add));
        return problems;
    }

    /**
     * Environment variables that look like residency declarations but map to no declared place
     * (environment names cannot introduce new map keys): refused, so that nothing an operator
     * meant to declare is silently ignored.
     */
    public static List<String> unrecognisedEnvironment(ResidencyConfig config, Map<String, String> environment) {
        java.util.Set<String> known = new java.util.HashSet<>();
        known.add(envName("plenum.residency.node-region"));
        known.add(envName("plenum.residency.catalogue"));
        config.adequateAllowances().keySet().forEach(region -> known.add(envName("plenum.residency.adequate-allowances." + region)));
        config.places().keySet().forEach(place -> {
            for (String property : List.of("kind", "region", "target", "backup-for")) {
                known.add(envName("plenum.residency.places." + place + "." + property));
            }
        });
        return environment.keySet().stream().filter(name -> name.startsWith("PLENUM_RESIDENCY_"))
                .filter(name -> !known.contains(name)).sorted()
                .map(name -> "Environment variable " + name + " declares nothing Plenum understands: declare places in "
                        + "config/application.properties (plenum.residency.places.<name>.<property>)")
                .toList();
    }

    private static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    private static Optional<String> nodeRoleProblem(Region node, Set<NodeRole> roles, Map<String, String> allowances) {
        Set<NodeRole> holdingPersonalData = EnumSet.copyOf(roles);
        holdingPersonalData.retainAll(EnumSet.of(NodeRole.APP, NodeRole.MEDIA_WORKER));
        ResidencyPolicy.Decision decision = ResidencyPolicy.mayHoldPersonalData(node, Optional.ofNullable(allowances.get(node.code())));
        if (holdingPersonalData.isEmpty() || decision.allowed()) {
            return Optional.empty();
        }
        return Optional.of("Node region " + node.label() + " is " + decision.reason()
                + ": a node there may run only the edge role, not "
                + String.join(", ", holdingPersonalData.stream().map(NodeRole::configName).toList()));
    }

    private static Optional<String> placeProblem(String name, ResidencyConfig.Place place, RegionCatalogue catalogue,
            ResidencyConfig config) {
        String what = "Place '" + name + "' (" + place.kind().description() + ")";
        Optional<Region> region = catalogue.find(place.region());
        if (region.isEmpty()) {
            return Optional.of(what + ": unknown region code '" + place.region() + "'");
        }
        if (place.backupFor().isPresent() && catalogue.find(place.backupFor().get()).isEmpty()) {
            return Optional.of(what + ": unknown region code '" + place.backupFor().get() + "' in backup-for");
        }
        if (place.kind() == PlaceKind.TURN_RELAY && region.get().jurisdiction() != Jurisdiction.EU
                && region.get().jurisdiction() != Jurisdiction.EEA) {
            // A relay sees every relayed peer's address as it happens: no allowance makes it acceptable outside the EU/EEA.
            return Optional.of(what + " is in " + region.get().label() + ": TURN relays run only in EU/EEA regions");
        }
        ResidencyPolicy.Decision decision = ResidencyPolicy.mayHoldPersonalData(region.get(),
                Optional.ofNullable(config.adequateAllowances().get(region.get().code())));
        if (decision.allowed()) {
            return Optional.empty();
        }
        String fix = region.get().jurisdiction() == Jurisdiction.ADEQUATE
                ? "; set plenum.residency.adequate-allowances." + region.get().code() + " to the legal basis"
                : "";
        return Optional.of(what + " is in " + region.get().label() + ", " + decision.reason() + fix);
    }
}

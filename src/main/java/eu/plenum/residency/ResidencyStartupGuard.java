package eu.plenum.residency;

import eu.plenum.shared.NodeConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Holds the residency declarations against the policy inside Quarkus too, for every way of
 * starting it (the launcher already checked them before any database connection), and provides
 * the region catalogue to the rest of the application.
 */
@ApplicationScoped
class ResidencyStartupGuard {

    private static final Logger LOG = Logger.getLogger(ResidencyStartupGuard.class);

    void check(@Observes @Priority(1) StartupEvent started, ResidencyConfig config, NodeConfig node) {
        List<String> violations = ResidencyStartupCheck.violations(config, node.roles());
        if (!violations.isEmpty()) {
            violations.forEach(violation -> LOG.error("Residency violation: " + violation));
            throw new IllegalStateException("The residency declarations break the EU-only policy: " + String.join("; ", violations));
        }
        LOG.infof("Residency: node in %s, %d declared places comply", config.nodeRegion(), config.places().size());
    }

    @Produces
    @Singleton
    RegionCatalogue catalogue(ResidencyConfig config) {
        return RegionCatalogue.load(config.catalogue());
    }
}

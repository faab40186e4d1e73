package eu.plenum.shared;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

/** Reads the node's roles at start-up, says which they are, and stops the start-up on a bad one. */
@ApplicationScoped
class NodeAnnouncement {

    private static final Logger LOG = Logger.getLogger(NodeAnnouncement.class);

    void announce(@Observes StartupEvent started, Instance<NodeConfig> node) {
        try {
            LOG.infof("Plenum node roles: %s", node.get().roles());
        } catch (IllegalArgumentException refused) {
            LOG.error("Refusing to start: " + refused.getMessage());
            throw refused;
        }
    }
}

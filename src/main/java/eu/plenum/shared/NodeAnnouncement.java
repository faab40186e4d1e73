package eu.plenum.shared;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Says at start-up which roles this process plays, and refuses a process with none. */
@ApplicationScoped
class NodeAnnouncement {

    private static final Logger LOG = Logger.getLogger(NodeAnnouncement.class);

    void announce(@Observes StartupEvent started, NodeConfig node) {
        if (node.roles().isEmpty()) {
            throw new IllegalStateException("plenum.roles is empty; give at least one of: " + NodeRole.knownNames());
        }
        LOG.infof("Plenum node roles: %s", node.roles());
    }
}

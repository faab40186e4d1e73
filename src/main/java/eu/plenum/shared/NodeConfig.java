package eu.plenum.shared;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What this process is: the roles it plays ({@code plenum.roles}). Parsed when the application
 * starts ({@link NodeAnnouncement}); an unknown role stops the start-up with a message naming it.
 */
@ApplicationScoped
public class NodeConfig {

    private final Set<NodeRole> roles;

    /**
     * @param names comma-separated {@code app}, {@code media-worker}, {@code edge}; default all of
     *     them on one machine (the app starts media workers as child processes)
     */
    NodeConfig(@ConfigProperty(name = "plenum.roles", defaultValue = "app,media-worker,edge") List<String> names) {
        this.roles = NodeRole.parseAll(names);
    }

    public Set<NodeRole> roles() {
        return roles;
    }

    public boolean plays(NodeRole role) {
        return roles.contains(role);
    }

    /** An edge-only node: the HLS relay of open webinars and nothing that touches personal data (see {@code eu.plenum.edge}). */
    public boolean edgeOnly() {
        return roles.equals(java.util.EnumSet.of(NodeRole.EDGE));
    }
}

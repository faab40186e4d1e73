package eu.plenum.shared;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What this process is: the roles it plays ({@code plenum.roles}). Read and validated when the
 * application starts; an unknown role stops the start-up with a message naming it.
 */
@ApplicationScoped
public class NodeConfig {

    private final Set<NodeRole> roles;

    /**
     * @param roles comma-separated {@code app}, {@code media-worker}, {@code edge}; default all of
     *     them on one machine (the app starts media workers as child processes)
     */
    NodeConfig(@ConfigProperty(name = "plenum.roles", defaultValue = "app,media-worker,edge") Set<NodeRole> roles) {
        this.roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public Set<NodeRole> roles() {
        return roles;
    }

    public boolean plays(NodeRole role) {
        return roles.contains(role);
    }
}

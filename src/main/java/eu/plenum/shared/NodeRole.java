package eu.plenum.shared;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A role a Plenum process plays; {@code plenum.roles} lists the roles of one process. */
public enum NodeRole {
    /** HTTP API, pages, scheduling, compliance and the supervisor of media workers. */
    APP("app"),
    /** One live room's GStreamer pipeline, started by the supervisor. */
    MEDIA_WORKER("media-worker"),
    /** Stateless relay and cache of live media; holds no personal data, may run outside the EU. */
    EDGE("edge");

    private final String configName;

    NodeRole(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** Parses a configured role name, refusing unknown names with a message that lists the known ones. */
    public static NodeRole fromConfigName(String name) {
        String wanted = name == null ? "" : name.trim();
        return Arrays.stream(values())
                .filter(role -> role.configName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown Plenum role '" + wanted + "' in plenum.roles; known roles: " + knownNames()));
    }

    /** The roles of a {@code plenum.roles} list; refuses unknown names and an empty list. */
    public static Set<NodeRole> parseAll(List<String> names) {
        EnumSet<NodeRole> roles = EnumSet.noneOf(NodeRole.class);
        names.stream().filter(name -> !name.isBlank()).map(NodeRole::fromConfigName).forEach(roles::add);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("plenum.roles is empty; give at least one of: " + knownNames());
        }
        return Collections.unmodifiableSet(roles);
    }

    public static String knownNames() {
        return Arrays.stream(values()).map(NodeRole::configName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return configName;
    }
}

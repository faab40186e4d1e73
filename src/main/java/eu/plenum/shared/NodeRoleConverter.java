package eu.plenum.shared;

import org.eclipse.microprofile.config.spi.Converter;

/** Reads a role of {@code plenum.roles}; an unknown name stops the start-up with a clear message. */
public class NodeRoleConverter implements Converter<NodeRole> {

    @Override
    public NodeRole convert(String value) {
        return NodeRole.fromConfigName(value);
    }
}

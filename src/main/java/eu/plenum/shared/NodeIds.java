package eu.plenum.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Default identity of a node when {@code plenum.node-id} is not set: the host name plus a random
 * part per start, so that two nodes on one machine (or one database) never collide, and a
 * restarted node is a new instance whose old rooms its lease sweep ends.
 */
public final class NodeIds {

    private NodeIds() {
    }

    public static String fresh() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        String name = host.replaceAll("[^A-Za-z0-9.-]", "-");
        return (name.length() > 100 ? name.substring(0, 100) : name) + "-" + HexFormat.of().formatHex(random);
    }
}

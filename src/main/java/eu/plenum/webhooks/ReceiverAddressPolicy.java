package eu.plenum.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which IP addresses a receiver of tenant data may have: public unicast only. Anything that could
 * reach this node, its network or a cloud's metadata service is refused — loopback, private and
 * shared (CGNAT) ranges, link-local, multicast, reserved and documentation ranges — including
 * IPv4 addresses wrapped in IPv6 (mapped, compatible, NAT64, 6to4), because a translator or tunnel
 * would deliver those to the IPv4 address inside.
 */
final class ReceiverAddressPolicy {

    /** One address block and what it is, for the refusal message. */
    private record Block(byte[] prefix, int bits, String what) {

        static Block of(String cidr, String what) {
            String[] parts = cidr.split("/");
            try {
                return new Block(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]), what);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    // IANA special-purpose registries (RFC 6890 and successors): nothing here is a public receiver.
    private static final List<Block> IPV4 = List.of(
            Block.of("0.0.0.0/8", "this network"),
            Block.of("10.0.0.0/8", "a private network"),
            Block.of("100.64.0.0/10", "shared address space (CGNAT)"),
            Block.of("127.0.0.0/8", "loopback"),
            Block.of("169.254.0.0/16", "link-local (cloud metadata)"),
            Block.of("172.16.0.0/12", "a private network"),
            Block.of("192.0.0.0/24", "IETF protocol assignments"),
            Block.of("192.0.2.0/24", "documentation"),
            Block.of("192.88.99.0/24", "6to4 relay anycast"),
            Block.of("192.168.0.0/16", "a private network"),
            Block.of("198.18.0.0/15", "benchmarking"),
            Block.of("198.51.100.0/24", "documentation"),
            Block.of("203.0.113.0/24", "documentation"),
            Block.of("224.0.0.0/4", "multicast"),
            Block.of("240.0.0.0/4", "reserved (and broadcast)"));

    private static final Block GLOBAL_UNICAST_V6 = Block.of("2000::/3", "global unicast");
    private static final Block NAT64 = Block.of("64:ff9b::/96", "NAT64");
    private static final Block SIX_TO_FOUR = Block.of("2002::/16", "6to4");
    private static final Block COMPATIBLE = Block.of("::/96", "IPv4-compatible");
    private static final Block MAPPED = Block.of("::ffff:0:0/96", "IPv4-mapped");
    private static final List<Block> IPV6_INSIDE_GLOBAL = List.of(
            Block.of("2001::/23", "IETF protocol assignments (Teredo, ORCHID, ...)"),
            Block.of("2001:db8::/32", "documentation"),
            Block.of("3fff::/20", "documentation"),
            Block.of("5f00::/16", "segment routing"));

    private ReceiverAddressPolicy() {
    }

    /** Why the address may not receive tenant data, or empty when it is a public unicast address. */
    static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusalV4(bytes);
        }
        if (address instanceof Inet6Address) {
            if (MAPPED.contains(bytes) || NAT64.contains(bytes)) {
                return refusalV4(slice(bytes, 12)).map(why -> why + " inside " + (MAPPED.contains(bytes) ? "IPv4-mapped IPv6" : "NAT64"));
            }
            if (SIX_TO_FOUR.contains(bytes)) {
                return refusalV4(slice(bytes, 2)).map(why -> why + " inside 6to4");
            }
            if (COMPATIBLE.contains(bytes)) {
                return Optional.of("an unspecified, loopback or IPv4-compatible IPv6 address");
            }
            if (!GLOBAL_UNICAST_V6.contains(bytes)) {
                return Optional.of("not a global unicast IPv6 address (loopback, unique-local, link-local, multicast ...)");
            }
            return IPV6_INSIDE_GLOBAL.stream().filter(block -> block.contains(bytes)).findFirst().map(Block::what);
        }
        return Optional.of("an unknown kind of address");
    }

    private static Optional<String> refusalV4(byte[] bytes) {
        return IPV4.stream().filter(block -> block.contains(bytes)).findFirst().map(Block::what);
    }

    private static byte[] slice(byte[] bytes, int from) {
        return new byte[] {bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3]};
    }
}

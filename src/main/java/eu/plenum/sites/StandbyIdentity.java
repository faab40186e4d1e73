package eu.plenum.sites;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a declared database place names the standbys it stands for: {@code <application_name>},
 * optionally {@code @<address>} or {@code @<network>/<prefix>}. The name may end in {@code *}
 * (CloudNativePG names its instances {@code <cluster>-1}, {@code <cluster>-2}, …). A client can
 * claim any application name; the address is what makes a match strict.
 */
record StandbyIdentity(Pattern name, Optional<InetAddress> network, int prefixLength) {

    static StandbyIdentity parse(String target) {
        int at = target.indexOf('@');
        String name = at < 0 ? target : target.substring(0, at);
        Pattern pattern = Pattern.compile(Pattern.quote(name).replace("*", "\\E.*\\Q"));
        if (at < 0) {
            return new StandbyIdentity(pattern, Optional.empty(), 0);
        }
        String address = target.substring(at + 1);
        int slash = address.indexOf('/');
        InetAddress network = literal(slash < 0 ? address : address.substring(0, slash));
        int bits = network.getAddress().length * 8;
        int prefix = slash < 0 ? bits : Integer.parseInt(address.substring(slash + 1));
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix /" + prefix + " does not fit " + network.getHostAddress());
        }
        return new StandbyIdentity(pattern, Optional.of(network), prefix);
    }

    /**
     * Whether a standby that {@code synchronous_standby_names} lists as {@code standbyName} could be
     * admitted by this identity (PostgreSQL compares those names case-insensitively; {@code *} is any).
     */
    boolean admitsName(String standbyName) {
        return standbyName.equals("*")
                || Pattern.compile(name.pattern(), Pattern.CASE_INSENSITIVE).matcher(standbyName).matches();
    }

    boolean matches(String applicationName, String clientAddress) {
        if (applicationName == null || !name.matcher(applicationName).matches()) {
            return false;
        }
        if (network.isEmpty()) {
            return true;
        }
        if (clientAddress == null) {
            return false;
        }
        byte[] client = literal(clientAddress).getAddress();
        byte[] net = network.get().getAddress();
        if (client.length != net.length) {
            return false;
        }
        int shift = net.length * 8 - prefixLength;
        return new BigInteger(1, client).shiftRight(shift).equals(new BigInteger(1, net).shiftRight(shift));
    }

    /** Parses an IP literal without ever asking DNS. */
    private static InetAddress literal(String address) {
        if (!address.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("'" + address + "' is not an IP address");
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + address + "' is not an IP address", e);
        }
    }
}

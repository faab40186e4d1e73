package eu.plenum.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one table of addresses a webhook or export receiver may have: public unicast, nothing else. */
class ReceiverAddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "127.0.0.1", "127.255.255.254", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255",
        "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3",
        "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "192.0.0.8", "192.0.2.10",
        "198.51.100.7", "203.0.113.9", "198.18.0.1", "192.88.99.1",
        "::1", "::", "fc00::1", "fd12:3456:789a::1", "fe80::1", "febf::1", "fec0::1", "ff02::1",
        "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:127.0.0.1", "::10.0.0.1",
        "64:ff9b::a00:1", "64:ff9b::169.254.169.254", "64:ff9b::7f00:1",
        "2002:a00:1::1", "2002:a9fe:a9fe::1", "2002:7f00:1::",
        "2001:db8::1", "2001::1", "3fff::1", "100::1", "64:ff9b:1::1"})
    void refusesEveryNonPublicAddress(String address) throws Exception {
        assertTrue(ReceiverAddressPolicy.refusal(InetAddress.getByName(address)).isPresent(), address + " passed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:192.168.0.1"})
    void refusesMappedAddressesAlsoWhenTheyStayIpv6(String address) throws Exception {
        // The JDK turns a parsed mapped address into IPv4; a resolver or socket may hand over the IPv6 form.
        Inet6Address ipv6 = Inet6Address.getByAddress(null, mapped(InetAddress.getByName(address).getAddress()), -1);
        assertTrue(ReceiverAddressPolicy.refusal(ipv6).isPresent(), address + " passed as " + ipv6);
    }

    @ParameterizedTest
    @CsvSource({"93.184.215.14", "1.1.1.1", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
        "192.169.0.1", "2a00:1450:4001:80b::200e", "2606:4700:4700::1111", "::ffff:93.184.215.14",
        "64:ff9b::5db8:d70e", "2002:5db8:d70e::1"})
    void letsPublicUnicastThrough(String address) throws Exception {
        assertEquals(java.util.Optional.empty(), ReceiverAddressPolicy.refusal(InetAddress.getByName(address)), address);
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
    }
}

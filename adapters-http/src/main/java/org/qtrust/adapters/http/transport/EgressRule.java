package org.qtrust.adapters.http.transport;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.qtrust.core.transport.HttpExchange;

/**
 * The one egress rule every fetch passes — issuer metadata, status lists, OCSP and CRL URLs from
 * certificates, list and LoTE locations read from documents, and every redirect — applied by
 * {@link HttpClient5Transport} to each URL before it is requested and to each address it is
 * about to connect to (at connect time, after DNS: a name that resolves to an internal address,
 * or re-resolves to one later, is refused as well).
 * <ul>
 *   <li><b>Scheme:</b> https; plain http only for documents that authenticate themselves
 *       ({@link HttpExchange.Purpose#selfAuthenticating()}: OCSP, CRL, signed lists), or to a
 *       loopback host with the sandbox opt-in.</li>
 *   <li><b>Port:</b> 443 (80 for the plain http allowed above) and the operator's extra ports;
 *       any port on a destination the operator allows, or on loopback with the opt-in.</li>
 *   <li><b>Address:</b> never loopback, private (RFC 1918), link-local (RFC 3927, fe80::/10),
 *       CGNAT (RFC 6598), ULA (RFC 4193), multicast, unspecified, "this network" (0/8), reserved
 *       (240/4, broadcast), nor an IPv6 form that embeds one of those IPv4 addresses
 *       (IPv4-mapped, IPv4-compatible, 6to4, NAT64) — unless the operator allows that host or
 *       network ({@code --fetch-allow HOST|CIDR}), or, for loopback, the sandbox opt-in
 *       ({@code --allow-loopback-http}).</li>
 * </ul>
 * Immutable.
 */
public final class EgressRule {

    /** Redirects followed at most, each checked again. */
    public static final int MAX_REDIRECTS = 3;

    /** A network the operator allows: an address and a prefix length. */
    public record Network(byte[] address, int prefix) {
        public Network {
            address = address.clone();
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("prefix /" + prefix + " does not fit the address");
            }
        }

        boolean contains(InetAddress candidate) {
            byte[] other = candidate.getAddress();
            if (other.length != address.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (other[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (other[full] & mask) == (address[full] & mask);
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(address).getHostAddress() + "/" + prefix;
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final boolean loopbackHttp;
    private final Set<String> hosts;
    private final List<Network> networks;
    private final Set<Integer> ports;

    private EgressRule(boolean loopbackHttp, Set<String> hosts, List<Network> networks, Set<Integer> ports) {
        this.loopbackHttp = loopbackHttp;
        this.hosts = Set.copyOf(hosts);
        this.networks = List.copyOf(networks);
        this.ports = Set.copyOf(ports);
    }

    /** The rule for real deployments: public https destinations on port 443 only. The default. */
    public static EgressRule strict() {
        return new EgressRule(false, Set.of(), List.of(), Set.of());
    }

    /** The strict rule with the sandbox opt-in ({@code --allow-loopback-http}): for sandboxes and tests on this machine. */
    public static EgressRule loopbackSandbox() {
        return strict().allowingLoopbackHttp(true);
    }

    /**
     * The sandbox opt-in ({@code --allow-loopback-http}): loopback addresses are allowed (any port),
     * and plain http to a loopback host. Never a default.
     */
    public EgressRule allowingLoopbackHttp(boolean allow) {
        return new EgressRule(allow, hosts, networks, ports);
    }

    /**
     * Adds operator allowances, each a host name (exact, case-insensitive), an IP address or a
     * CIDR network ({@code 10.1.0.0/16}, {@code fd00::/8}).
     *
     * @throws IllegalArgumentException for an entry that is none of these
     */
    public EgressRule allowing(List<String> allowances) {
        Set<String> moreHosts = new TreeSet<>(hosts);
        List<Network> moreNetworks = new ArrayList<>(networks);
        for (String entry : allowances) {
            String value = entry.trim().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("--fetch-allow needs a host name, an address or a CIDR network");
            }
            Optional<Network> network = network(value);
            if (network.isPresent()) {
                moreNetworks.add(network.get());
            } else if (value.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
                moreHosts.add(value);
            } else {
                throw new IllegalArgumentException("--fetch-allow '" + entry + "' is neither a host name, an address nor a CIDR network");
            }
        }
        return new EgressRule(loopbackHttp, moreHosts, moreNetworks, ports);
    }

    /** Adds ports the operator allows besides 443 (and 80 for plain http where it is allowed). */
    public EgressRule allowingPorts(Set<Integer> extra) {
        for (int port : extra) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
            }
        }
        Set<Integer> more = new TreeSet<>(ports);
        more.addAll(extra);
        return new EgressRule(loopbackHttp, hosts, networks, more);
    }

    public boolean loopbackHttp() {
        return loopbackHttp;
    }

    /**
     * Checks a URL before it is requested (the first one and every redirect target): scheme,
     * port, and — when the host is written as an address — the address.
     *
     * @return a refusal, empty when the URL may be requested (its address is checked again at connect time)
     */
    public Optional<String> refusesUrl(URI url, HttpExchange.Purpose purpose) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = hostOf(url);
        Optional<InetAddress> literal = literal(host);
        boolean loopbackHost = host.equals("localhost") || literal.map(InetAddress::isLoopbackAddress).orElse(false);
        boolean sandbox = loopbackHttp && loopbackHost;
        boolean allowedHost = hosts.contains(host) || literal.map(this::inAllowedNetwork).orElse(false);
        if (scheme.equals("http")) {
            if (!purpose.selfAuthenticating() && !sandbox) {
                return Optional.of("plain http is not fetched for " + describe(purpose) + " (https only"
                        + (loopbackHost ? "; loopback only with --allow-loopback-http)" : ")"));
            }
        } else if (!scheme.equals("https")) {
            return Optional.of("only https (and http for signed documents) is fetched, not " + scheme);
        }
        int port = url.getPort() < 0 ? (scheme.equals("https") ? 443 : 80) : url.getPort();
        boolean standard = scheme.equals("https") ? port == 443 : port == 80;
        if (!standard && !ports.contains(port) && !sandbox && !allowedHost) {
            return Optional.of("port " + port + " is not fetched (443, 80 for plain http, or the operator's --fetch-port)");
        }
        if (literal.isPresent()) {
            return refusesAddress(host, literal.get());
        }
        return Optional.empty();
    }

    /**
     * Checks an address about to be connected to for {@code host}.
     *
     * @return a refusal naming the address class (never the address), empty when allowed
     */
    public Optional<String> refusesAddress(String host, InetAddress address) {
        Optional<String> kind = internalClass(address);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (hosts.contains(name) || inAllowedNetwork(address)) {
            return Optional.empty();
        }
        if (loopbackHttp && kind.get().equals("loopback")) {
            return Optional.empty();
        }
        return Optional.of(host + " resolves to a " + kind.get() + " address, which is not fetched without --fetch-allow"
                + (kind.get().equals("loopback") ? " or --allow-loopback-http" : ""));
    }

    private boolean inAllowedNetwork(InetAddress address) {
        InetAddress plain = embeddedIpv4(address).orElse(address);
        return networks.stream().anyMatch(n -> n.contains(address) || n.contains(plain));
    }

    /** The class of an address that is not public, empty for a public one. */
    public static Optional<String> internalClass(InetAddress address) {
        Optional<InetAddress> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return internalClass(embedded.get());
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int a0 = b[0] & 0xff;
            int a1 = b[1] & 0xff;
            if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
                return Optional.of("private (RFC 1918)");
            }
            if (a0 == 100 && a1 >= 64 && a1 <= 127) {
                return Optional.of("CGNAT (RFC 6598)");
            }
            if (a0 == 0) {
                return Optional.of("unspecified");
            }
            if (a0 == 127) {
                return Optional.of("loopback");
            }
            if (a0 == 169 && a1 == 254) {
                return Optional.of("link-local");
            }
            if (a0 >= 240) {
                return Optional.of("reserved");
            }
            return Optional.empty();
        }
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("ULA (RFC 4193)");
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Optional.of("site-local");
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 address carries: IPv4-mapped, IPv4-compatible, 6to4 (2002::/16), NAT64 (64:ff9b::/96). */
    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        byte[] v4;
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) {
            zeros80 &= b[i] == 0;
        }
        boolean zeros96 = zeros80 && b[10] == 0 && b[11] == 0;
        if (zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if (zeros96 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1))) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            v4 = new byte[] {b[2], b[3], b[4], b[5]};
        } else if (b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0 && b[10] == 0 && b[11] == 0) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    static String hostOf(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host;
    }

    /** The address a host is written as, without any DNS lookup; empty for a name. */
    static Optional<InetAddress> literal(String host) {
        boolean v4 = host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean v6 = host.contains(":") && host.matches("[0-9a-f:.%a-z]+");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<Network> network(String value) {
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        Optional<InetAddress> parsed = literal(address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        int bits = parsed.get().getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(value.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--fetch-allow '" + value + "': the prefix length is not a number");
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("--fetch-allow '" + value + "': the prefix length is not between 0 and " + bits);
        }
        return Optional.of(new Network(parsed.get().getAddress(), prefix));
    }

    private static String describe(HttpExchange.Purpose purpose) {
        return purpose.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public String toString() {
        return "EgressRule[loopbackHttp=" + loopbackHttp + ", hosts=" + hosts + ", networks=" + networks + ", ports=" + ports + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EgressRule rule && rule.loopbackHttp == loopbackHttp && rule.hosts.equals(hosts)
                && rule.networks.toString().equals(networks.toString()) && rule.ports.equals(ports);
    }

    @Override
    public int hashCode() {
        return Objects.hash(loopbackHttp, hosts, networks.toString(), ports);
    }
}

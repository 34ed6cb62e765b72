package org.qtrust.server.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Host header values the server answers (issue 15 item 5): a page opened under another
 * name (DNS rebinding: an attacker's name resolving to 127.0.0.1) gets no answer it could read.
 * Names compare case-insensitively, without port, trailing dot or IPv6 brackets; {@code *} allows any.
 */
public final class HostAllowList {

    private final Set<String> hosts;
    /** The allowed names that normalise to themselves: a Host header equal to one of them is allowed without a normalising copy. */
    private final Set<String> exact;
    private final boolean any;

    public HostAllowList(List<String> hosts) {
        this.hosts = hosts.stream().map(HostAllowList::normalize).collect(Collectors.toUnmodifiableSet());
        this.exact = this.hosts.stream().filter(name -> normalize(name).equals(name)).collect(Collectors.toUnmodifiableSet());
        this.any = this.hosts.contains("*");
    }

    /** @param host the request's host as Jetty parsed it from the Host header (null when absent) */
    public boolean allows(String host) {
        if (any) {
            return true;
        }
        if (host == null || host.isBlank()) {
            return false;
        }
        // The common case, a name already in normal form (127.0.0.1, localhost), needs no normalising copy.
        return exact.contains(host) || hosts.contains(normalize(host));
    }

    static String normalize(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        while (name.endsWith(".") && name.length() > 1) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }
}

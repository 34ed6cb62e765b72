package org.qtrust.core.credential;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The names an issuer's leaf certificate gives itself in its subjectAltName (RFC 5280 §4.2.1.6):
 * the {@code uniformResourceIdentifier} and {@code dNSName} entries, the two a credential's
 * {@code iss} can be bound by (issue 13.2). Read as the certificate says; nothing here is trusted
 * until the chain is.
 *
 * @param uris     uniformResourceIdentifier entries
 * @param dnsNames dNSName entries
 */
public record LeafNames(List<String> uris, List<String> dnsNames) {

    public static final LeafNames NONE = new LeafNames(List.of(), List.of());

    /** RFC 5280 §4.2.1.6 GeneralName tags. */
    private static final int DNS_NAME = 2;
    private static final int URI = 6;

    public LeafNames {
        uris = List.copyOf(uris);
        dnsNames = List.copyOf(dnsNames);
    }

    /** The names of a DER certificate; none when it cannot be read (the chain decision reports why). */
    public static LeafNames of(byte[] der) {
        try {
            return of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)));
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            return NONE;
        }
    }

    /** The names of a certificate already read; none when its SAN cannot be read. */
    public static LeafNames of(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return NONE;
            }
            List<String> uris = new ArrayList<>();
            List<String> dns = new ArrayList<>();
            for (List<?> name : names) {
                if (name.size() >= 2 && name.get(0) instanceof Integer tag && name.get(1) instanceof String value) {
                    if (tag == URI) {
                        uris.add(value);
                    } else if (tag == DNS_NAME) {
                        dns.add(value);
                    }
                }
            }
            return new LeafNames(uris, dns);
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            return NONE;
        }
    }

    public boolean isEmpty() {
        return uris.isEmpty() && dnsNames.isEmpty();
    }

    /**
     * The entry {@code iss} matches, described for the trace: a URI entry of the same origin
     * (scheme, host and port, RFC 6454 §4; the path does not count), or a dNSName equal to the
     * host of an https {@code iss} (OpenID4VC HAIP §7.1). Hosts compare case-insensitively and
     * exactly: a wildcard entry ({@code *.example.com}) binds no {@code iss}; neither does an
     * {@code iss} with user information.
     */
    public Optional<String> matching(String iss) {
        Optional<Origin> issuer = Origin.of(iss);
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        for (String uri : uris) {
            if (Origin.of(uri).filter(issuer.get()::equals).isPresent()) {
                return Optional.of("the leaf certificate's SAN URI " + uri);
            }
        }
        if ("https".equals(issuer.get().scheme())) {
            for (String dns : dnsNames) {
                if (!dns.contains("*") && dns.toLowerCase(Locale.ROOT).equals(issuer.get().host())) {
                    return Optional.of("the leaf certificate's SAN dNSName " + dns);
                }
            }
        }
        return Optional.empty();
    }

    /** What the SAN holds, for the trace. */
    public String describe() {
        List<String> all = new ArrayList<>();
        uris.forEach(u -> all.add("URI " + u));
        dnsNames.forEach(d -> all.add("dNSName " + d));
        return all.isEmpty() ? "no SAN URI or dNSName" : String.join(", ", all);
    }

    /** An RFC 6454 origin of an http(s) URL: scheme, host (lower case), port (the scheme's default when absent). */
    private record Origin(String scheme, String host, int port) {
        static Optional<Origin> of(String text) {
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null) {
                    return Optional.empty();
                }
                int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
                return Optional.of(new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }
    }
}

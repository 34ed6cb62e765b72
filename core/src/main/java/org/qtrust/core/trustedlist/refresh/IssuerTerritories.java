package org.qtrust.core.trustedlist.refresh;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The trusted-list territories a certificate's issuers name, for the on-miss refresh: the
 * {@code C} of the issuer name of the certificate and of each certificate sent with it, mapped to
 * the LOTL's territory codes (ISO 3166 {@code GR} is {@code EL}, {@code GB} is {@code UK}; TS 119
 * 612 §5.3.10 uses the EU's own codes). At most {@link #MAX} territories, so one input cannot ask
 * for many refreshes. Nothing here is trusted: it only says which list to refresh.
 */
public final class IssuerTerritories {

    public static final int MAX = 2;

    private IssuerTerritories() {
    }

    public static Set<String> of(byte[] certificate, List<byte[]> chain) {
        Set<String> territories = new LinkedHashSet<>();
        add(territories, certificate);
        for (byte[] other : chain) {
            if (territories.size() >= MAX) {
                break;
            }
            add(territories, other);
        }
        return territories;
    }

    private static void add(Set<String> territories, byte[] der) {
        if (territories.size() >= MAX) {
            return;
        }
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            for (Rdn rdn : new LdapName(certificate.getIssuerX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("C") && rdn.getValue() instanceof String country) {
                    String code = territory(country);
                    if (code.matches("[A-Z]{2}")) {
                        territories.add(code);
                    }
                }
            }
        } catch (CertificateException | InvalidNameException | ClassCastException e) {
            // not a certificate the decision could use either: no territory
        }
    }

    /** The LOTL's territory code for an ISO 3166 country code. */
    public static String territory(String country) {
        String upper = country.trim().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "GR" -> "EL";
            case "GB" -> "UK";
            default -> upper;
        };
    }
}

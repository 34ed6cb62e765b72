package org.qtrust.core.trustedlist.refresh;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.certificate.port.MalformedCertificateException;

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

    /**
     * The territories the issuers of {@code certificate} and of the certificates sent with it name,
     * as the inspector reads them (unreadable certificates name none), at most {@link #MAX}.
     */
    public static Set<String> of(CertificateInspector inspector, byte[] certificate, List<byte[]> chain) {
        Set<String> territories = new LinkedHashSet<>();
        add(territories, inspector, certificate);
        for (byte[] other : chain) {
            if (territories.size() >= MAX) {
                break;
            }
            add(territories, inspector, other);
        }
        return territories;
    }

    private static void add(Set<String> territories, CertificateInspector inspector, byte[] der) {
        if (territories.size() >= MAX) {
            return;
        }
        try {
            inspector.inspect(der).issuerCountry().map(IssuerTerritories::territory).filter(code -> code.matches("[A-Z]{2}"))
                    .ifPresent(territories::add);
        } catch (MalformedCertificateException e) {
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

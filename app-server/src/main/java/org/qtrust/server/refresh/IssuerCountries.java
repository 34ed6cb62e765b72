package org.qtrust.server.refresh;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.qtrust.core.trustedlist.refresh.IssuerTerritories;

/**
 * The trusted-list territories a certificate's issuers name: the {@code C} of the issuer name of
 * the certificate and of each certificate sent with it, mapped to the LOTL's territory codes
 * (ISO 3166 {@code GR} is {@code EL}, {@code GB} is {@code UK}; TS 119 612 §5.3.10 uses the EU's
 * own codes). At most {@link #MAX} territories, so one request cannot ask for many refreshes.
 */
public final class IssuerCountries {

    public static final int MAX = IssuerTerritories.MAX;

    private IssuerCountries() {
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

    /**
     * The territories the x5c chain of an SD-JWT VC's issuer JWT names (the JOSE header's
     * {@code x5c}, RFC 7515 §4.1.6: base64 DER, leaf first); none when there is no readable chain.
     * Only the header is read, bounded; nothing here is trusted, it only says which list to refresh.
     */
    public static Set<String> ofSdJwt(String presentation) {
        int dot = presentation.indexOf('.');
        if (dot <= 0 || dot > 64 * 1024) {
            return Set.of();
        }
        try {
            byte[] header = java.util.Base64.getUrlDecoder().decode(presentation.substring(0, dot));
            com.fasterxml.jackson.databind.JsonNode x5c = new com.fasterxml.jackson.databind.ObjectMapper().readTree(header).path("x5c");
            if (!x5c.isArray() || x5c.isEmpty()) {
                return Set.of();
            }
            List<byte[]> chain = new java.util.ArrayList<>();
            for (int i = 0; i < x5c.size() && i <= MAX; i++) {
                chain.add(java.util.Base64.getDecoder().decode(x5c.get(i).asText()));
            }
            return of(chain.get(0), chain.subList(1, chain.size()));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Set.of();
        }
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

    /** The LOTL's territory code for an ISO 3166 country code (core {@link IssuerTerritories#territory}, shared with the CLI). */
    public static String territory(String country) {
        return IssuerTerritories.territory(country);
    }
}

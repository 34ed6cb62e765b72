package org.qtrust.adapters.crypto.xades;

import java.security.cert.X509Certificate;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * RFC 2253 subject names, with LDAP names for the attributes signer certificates carry
 * (serialNumber, givenName, sn, title, organizationIdentifier, emailAddress) so that their
 * values read as text instead of the hex that plain {@link X500Principal#getName()} gives.
 */
final class SubjectNames {

    private static final Map<String, String> KEYWORDS = Map.of(
            "2.5.4.5", "SERIALNUMBER",
            "2.5.4.42", "GIVENNAME",
            "2.5.4.4", "SN",
            "2.5.4.12", "TITLE",
            "2.5.4.97", "ORGANIZATIONIDENTIFIER",
            "1.2.840.113549.1.9.1", "EMAILADDRESS");

    private SubjectNames() {
    }

    static String rfc2253(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253, KEYWORDS);
    }
}

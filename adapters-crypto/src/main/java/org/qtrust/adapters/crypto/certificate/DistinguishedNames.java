package org.qtrust.adapters.crypto.certificate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Distinguished names for display (RFC 2253 order, most specific first) and as canonical lookup keys. */
final class DistinguishedNames {

    static final String COUNTRY = "2.5.4.6";
    static final String ORGANIZATION = "2.5.4.10";

    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry("2.5.4.3", "CN"), Map.entry(COUNTRY, "C"), Map.entry(ORGANIZATION, "O"), Map.entry("2.5.4.11", "OU"),
            Map.entry("2.5.4.7", "L"), Map.entry("2.5.4.8", "ST"), Map.entry("2.5.4.9", "STREET"), Map.entry("2.5.4.5", "SERIALNUMBER"),
            Map.entry("2.5.4.4", "SN"), Map.entry("2.5.4.42", "GIVENNAME"), Map.entry("2.5.4.12", "TITLE"),
            Map.entry("2.5.4.97", "organizationIdentifier"), Map.entry("1.2.840.113549.1.9.1", "E"), Map.entry("2.5.4.17", "postalCode"),
            Map.entry("2.5.4.65", "pseudonym"), Map.entry("2.5.4.46", "dnQualifier"), Map.entry("0.9.2342.19200300.100.1.25", "DC"),
            Map.entry("0.9.2342.19200300.100.1.1", "UID"));

    private DistinguishedNames() {
    }

    /** RFC 2253 style: the last RDN first, "+" inside a multi-valued RDN. */
    static String display(X500Name name) {
        RDN[] rdns = name.getRDNs();
        StringBuilder text = new StringBuilder();
        for (int i = rdns.length - 1; i >= 0; i--) {
            if (text.length() > 0) {
                text.append(',');
            }
            AttributeTypeAndValue[] values = rdns[i].getTypesAndValues();
            for (int j = 0; j < values.length; j++) {
                if (j > 0) {
                    text.append('+');
                }
                String oid = values[j].getType().getId();
                text.append(SHORT_NAMES.getOrDefault(oid, oid)).append('=').append(IETFUtils.valueToString(values[j].getValue()));
            }
        }
        return text.toString();
    }

    /** A canonical form (RFC 2253 canonical: case and spacing folded) for finding candidates by name. */
    static String canonical(X500Name name) {
        try {
            byte[] der = name.getEncoded(ASN1Encoding.DER);
            try {
                return new X500Principal(der).getName(X500Principal.CANONICAL);
            } catch (IllegalArgumentException e) {
                return "#" + HexFormat.of().formatHex(der);
            }
        } catch (IOException e) {
            return display(name);
        }
    }

    static Optional<String> first(X500Name name, String oid) {
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                if (value.getType().getId().equals(oid)) {
                    return Optional.of(IETFUtils.valueToString(value.getValue()));
                }
            }
        }
        return Optional.empty();
    }

    static Set<String> attributeTypes(X500Name name) {
        Set<String> types = new TreeSet<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                types.add(value.getType().getId());
            }
        }
        return types;
    }

    static List<String> all(X500Name name, String oid) {
        List<String> values = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                if (value.getType().getId().equals(oid)) {
                    values.add(IETFUtils.valueToString(value.getValue()));
                }
            }
        }
        return values;
    }
}

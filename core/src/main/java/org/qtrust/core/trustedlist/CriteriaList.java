package org.qtrust.core.trustedlist;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The CriteriaList of a Sie:Q qualification (TS 119 612 §5.5.9.2.2): which certificates a
 * qualifier applies to. Matching against a certificate belongs to the certificate decision.
 *
 * @param assertion          "all", "atLeastOne" or "none"
 * @param keyUsages          KeyUsage criteria: each maps a KeyUsageBit name (e.g. "nonRepudiation") to its required value
 * @param policySets         PolicySet criteria: each a set of certificate policy OIDs that must all be present
 * @param extendedKeyUsages  OtherCriteria/ExtendedKeyUsage purpose OIDs
 * @param certSubjectDnAttributes OtherCriteria/CertSubjectDNAttribute OIDs that must be present in the subject
 * @param nested             nested CriteriaList elements
 */
public record CriteriaList(
        Assertion assertion,
        List<Map<String, Boolean>> keyUsages,
        List<List<String>> policySets,
        List<String> extendedKeyUsages,
        List<String> certSubjectDnAttributes,
        List<CriteriaList> nested) {

    public enum Assertion {
        ALL("all"), AT_LEAST_ONE("atLeastOne"), NONE("none");

        private final String xmlValue;

        Assertion(String xmlValue) {
            this.xmlValue = xmlValue;
        }

        public String xmlValue() {
            return xmlValue;
        }

        /** Maps the schema's value; an absent assert attribute means "all" (TS 119 612 §5.5.9.2.2). */
        public static Assertion fromXml(String value) {
            if (value == null || value.isBlank()) {
                return ALL;
            }
            for (Assertion a : values()) {
                if (a.xmlValue.equals(value.trim())) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown CriteriaList assert value: " + value);
        }
    }

    public CriteriaList {
        Objects.requireNonNull(assertion);
        keyUsages = keyUsages.stream().map(Map::copyOf).toList();
        policySets = policySets.stream().map(List::copyOf).toList();
        extendedKeyUsages = List.copyOf(extendedKeyUsages);
        certSubjectDnAttributes = List.copyOf(certSubjectDnAttributes);
        nested = List.copyOf(nested);
    }
}

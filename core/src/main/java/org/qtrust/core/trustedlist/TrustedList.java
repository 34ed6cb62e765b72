package org.qtrust.core.trustedlist;

import java.util.List;
import java.util.Objects;

/** A trusted list (TS 119 612 TrustServiceStatusList) as read from its document: no trust implied. */
public record TrustedList(SchemeInformation scheme, List<TrustServiceProvider> providers) {

    /** TSLType of the EU list of trusted lists. */
    public static final String EU_LOTL_TYPE = "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUlistofthelists";
    /** TSLType of an EU member state's list. */
    public static final String EU_GENERIC_TYPE = "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric";

    public TrustedList {
        Objects.requireNonNull(scheme);
        providers = List.copyOf(providers);
    }

    public String territory() {
        return scheme.territory();
    }

    public boolean isListOfLists() {
        return scheme.tslType().endsWith("listofthelists");
    }

    public int serviceCount() {
        return providers.stream().mapToInt(p -> p.services().size()).sum();
    }
}

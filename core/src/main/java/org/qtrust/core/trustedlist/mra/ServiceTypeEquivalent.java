package org.qtrust.core.trustedlist.mra;

import java.util.List;
import java.util.Objects;

/**
 * A TrustServiceTSLType of an equivalence: a ServiceTypeIdentifier and the
 * AdditionalServiceInformation URIs that go with it (e.g. CA/QC with ForeSignatures).
 */
public record ServiceTypeEquivalent(String type, List<String> additionalServiceInformation) {

    public ServiceTypeEquivalent {
        Objects.requireNonNull(type);
        additionalServiceInformation = List.copyOf(additionalServiceInformation);
    }
}

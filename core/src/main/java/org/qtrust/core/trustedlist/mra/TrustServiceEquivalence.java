package org.qtrust.core.trustedlist.mra;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One TrustServiceEquivalenceInformation: a kind of trust service (its legal identifier, e.g.
 * "QCForESig") and the equivalence mapping in force from each starting time — the current one and
 * its TrustServiceEquivalenceHistory instances.
 *
 * @param legalIdentifier TrustServiceLegalIdentifier
 * @param versions        the current mapping and the historical ones, in any order
 */
public record TrustServiceEquivalence(String legalIdentifier, List<EquivalenceMapping> versions) {

    public TrustServiceEquivalence {
        Objects.requireNonNull(legalIdentifier);
        List<EquivalenceMapping> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(EquivalenceMapping::start));
        versions = List.copyOf(sorted);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("an equivalence has at least its current mapping");
        }
    }
}

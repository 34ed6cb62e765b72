package org.qtrust.core.trustedlist;

import java.util.List;
import java.util.Objects;

/**
 * One QualificationElement of a Sie:Q extension (TS 119 612 §5.5.9.2): qualifier URIs
 * (e.g. .../SvcInfoExt/QCWithQSCD) applying to the certificates the criteria select.
 */
public record Qualification(List<String> qualifierUris, CriteriaList criteria) {

    public Qualification {
        qualifierUris = List.copyOf(qualifierUris);
        Objects.requireNonNull(criteria);
    }
}

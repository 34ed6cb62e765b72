package org.qtrust.core.lote.loading;

/** Use case: judge a list of trusted entities (TS 119 602) at a validation time. */
public interface LoadListsOfTrustedEntities {

    /** Never throws for a bad list: each outcome is a {@link LoteVerdict}. */
    LoteVerdict load(LoteLoadRequest request);
}

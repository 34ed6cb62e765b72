package org.qtrust.core.trustedlist;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SchemeInformation of a list (TS 119 612 §5.3).
 *
 * @param versionIdentifier TSLVersionIdentifier (5 for TS 119 612 v2.1, 6 for v2.4.1)
 * @param sequenceNumber    TSLSequenceNumber
 * @param tslType           TSLType URI
 * @param operatorName      SchemeOperatorName
 * @param territory         SchemeTerritory
 * @param issued            ListIssueDateTime
 * @param nextUpdate        NextUpdate/dateTime; empty for a closed list
 * @param schemeInformationUris SchemeInformationURI entries, in order (for a LOTL: pivots and the OJ reference)
 * @param pointers          OtherTSLPointer entries
 */
public record SchemeInformation(
        int versionIdentifier,
        BigInteger sequenceNumber,
        String tslType,
        MultilingualText operatorName,
        String territory,
        Instant issued,
        Optional<Instant> nextUpdate,
        List<String> schemeInformationUris,
        List<ListPointer> pointers) {

    public SchemeInformation {
        Objects.requireNonNull(sequenceNumber);
        Objects.requireNonNull(tslType);
        Objects.requireNonNull(operatorName);
        Objects.requireNonNull(territory);
        Objects.requireNonNull(issued);
        Objects.requireNonNull(nextUpdate);
        schemeInformationUris = List.copyOf(schemeInformationUris);
        pointers = List.copyOf(pointers);
    }
}

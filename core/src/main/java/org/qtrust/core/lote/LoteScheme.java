package org.qtrust.core.lote;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.trustedlist.MultilingualText;

/**
 * The ListAndSchemeInformation of a list of trusted entities (TS 119 602 §6.3).
 *
 * @param versionIdentifier          LoTEVersionIdentifier (1 for V1.1.1)
 * @param sequenceNumber             LoTESequenceNumber
 * @param loteType                   LoTEType URI; "" when the list gives none
 * @param operatorName               SchemeOperatorName
 * @param territory                  SchemeTerritory ("EU" for the EU profiles); "" when absent
 * @param statusDeterminationApproach StatusDeterminationApproach URI; "" when absent
 * @param issued                     ListIssueDateTime
 * @param nextUpdate                 NextUpdate; empty for a closed list
 * @param pointers                   PointersToOtherLoTE
 */
public record LoteScheme(int versionIdentifier, BigInteger sequenceNumber, String loteType, MultilingualText operatorName,
                         String territory, String statusDeterminationApproach, Instant issued,
                         Optional<Instant> nextUpdate, List<LotePointer> pointers) {

    public LoteScheme {
        Objects.requireNonNull(sequenceNumber);
        Objects.requireNonNull(loteType);
        Objects.requireNonNull(operatorName);
        Objects.requireNonNull(territory);
        Objects.requireNonNull(statusDeterminationApproach);
        Objects.requireNonNull(issued);
        Objects.requireNonNull(nextUpdate);
        pointers = List.copyOf(pointers);
    }
}

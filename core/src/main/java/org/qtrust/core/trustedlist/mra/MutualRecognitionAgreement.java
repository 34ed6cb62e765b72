package org.qtrust.core.trustedlist.mra;

import java.util.List;
import java.util.Objects;

/**
 * The MutualRecognitionAgreementInformation an OtherTSLPointer carries (TS 119 612 v2.4.1 §5.3.13
 * and Annex on mutual recognition; the EC's MRA schema v2): how the trust services of the pointed
 * (third-country) scheme are recognised as equivalent to those of the pointing scheme. Read from
 * the pointer of the LOTL, the pointing party is the EU and its values are the EU counterparts.
 *
 * @param technicalType        the agreement's technicalType attribute (1 is understood)
 * @param version              the agreement's version attribute (1 is understood)
 * @param pointingLegislation  pointingContractingPartyLegislation
 * @param pointedLegislation   pointedContractingPartyLegislation
 * @param depth                MRADepth: how many pointer hops the recognition reaches (1: the pointed list only)
 * @param equivalences         one per recognised kind of trust service (TrustServiceEquivalenceInformation)
 */
public record MutualRecognitionAgreement(int technicalType, int version, String pointingLegislation,
                                         String pointedLegislation, int depth,
                                         List<TrustServiceEquivalence> equivalences) {

    public MutualRecognitionAgreement {
        Objects.requireNonNull(pointingLegislation);
        Objects.requireNonNull(pointedLegislation);
        equivalences = List.copyOf(equivalences);
    }
}

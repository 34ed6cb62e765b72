package org.qtrust.core.trustedlist.mra;

import java.util.Objects;

/** What an OtherTSLPointer says about mutual recognition: nothing, an agreement QTrust reads, or one it cannot read. */
public sealed interface PointerAgreement {

    /** No MutualRecognitionAgreementInformation. */
    record None() implements PointerAgreement {
    }

    /** An agreement read in full. */
    record Understood(MutualRecognitionAgreement agreement) implements PointerAgreement {
        public Understood {
            Objects.requireNonNull(agreement);
        }
    }

    /** MutualRecognitionAgreementInformation that could not be read or is of a kind QTrust does not implement. */
    record NotUnderstood(String reason) implements PointerAgreement {
        public NotUnderstood {
            Objects.requireNonNull(reason);
        }
    }

    PointerAgreement NONE = new None();
}

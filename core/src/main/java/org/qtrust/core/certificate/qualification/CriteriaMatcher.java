package org.qtrust.core.certificate.qualification;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.KeyUsageBit;
import org.qtrust.core.trustedlist.CriteriaList;

/**
 * Whether a Sie:Q qualification's CriteriaList selects a certificate (TS 119 612 §5.5.9.2.2;
 * TS 119 615 PRO-4.4.4-11: the qualification elements "whose criteria identify the
 * certificate"). Each criterion is one KeyUsage element (every listed bit has the listed
 * value), one PolicySet (every policy OID present), the ExtendedKeyUsage criterion (every key
 * purpose present), the CertSubjectDNAttribute criterion (every attribute type present in the
 * subject DN) or one nested CriteriaList; the list's {@code assert} combines them: all,
 * atLeastOne, none.
 *
 * <p>A criterion this matcher cannot evaluate (an unknown KeyUsageBit name) is neither true nor
 * false; when the combination depends on it the whole list is {@link Match#UNDECIDABLE} and
 * the qualifier is not applied — it can neither widen nor narrow the qualification.
 */
public final class CriteriaMatcher {

    /** The outcome of matching. */
    public enum Match { SELECTED, NOT_SELECTED, UNDECIDABLE }

    private CriteriaMatcher() {
    }

    public static Match match(CriteriaList criteria, CertificateFacts certificate) {
        return toMatch(evaluate(criteria, certificate));
    }

    private static Match toMatch(Optional<Boolean> value) {
        return value.map(v -> v ? Match.SELECTED : Match.NOT_SELECTED).orElse(Match.UNDECIDABLE);
    }

    /** Three-valued: empty means undecidable. */
    private static Optional<Boolean> evaluate(CriteriaList criteria, CertificateFacts certificate) {
        int count = 0;
        int trueCount = 0;
        int unknownCount = 0;
        for (Map<String, Boolean> keyUsage : criteria.keyUsages()) {
            count++;
            Optional<Boolean> value = keyUsage(keyUsage, certificate);
            if (value.isEmpty()) {
                unknownCount++;
            } else if (value.get()) {
                trueCount++;
            }
        }
        for (List<String> policySet : criteria.policySets()) {
            count++;
            if (certificate.policies().containsAll(policySet)) {
                trueCount++;
            }
        }
        if (!criteria.extendedKeyUsages().isEmpty()) {
            count++;
            if (certificate.extendedKeyUsage().containsAll(criteria.extendedKeyUsages())) {
                trueCount++;
            }
        }
        if (!criteria.certSubjectDnAttributes().isEmpty()) {
            count++;
            if (certificate.subjectAttributeTypes().containsAll(criteria.certSubjectDnAttributes())) {
                trueCount++;
            }
        }
        for (CriteriaList nested : criteria.nested()) {
            count++;
            Optional<Boolean> value = evaluate(nested, certificate);
            if (value.isEmpty()) {
                unknownCount++;
            } else if (value.get()) {
                trueCount++;
            }
        }
        int falseCount = count - trueCount - unknownCount;
        return switch (criteria.assertion()) {
            case ALL -> falseCount > 0 ? Optional.of(false) : unknownCount > 0 ? Optional.empty() : Optional.of(true);
            case AT_LEAST_ONE -> trueCount > 0 ? Optional.of(true) : unknownCount > 0 ? Optional.empty() : Optional.of(false);
            case NONE -> trueCount > 0 ? Optional.of(false) : unknownCount > 0 ? Optional.empty() : Optional.of(true);
        };
    }

    /**
     * One KeyUsage criterion: every KeyUsageBit listed has the listed value. A certificate
     * without a keyUsage extension has no bit set.
     */
    private static Optional<Boolean> keyUsage(Map<String, Boolean> bits, CertificateFacts certificate) {
        boolean unknown = false;
        for (Map.Entry<String, Boolean> bit : bits.entrySet()) {
            Optional<KeyUsageBit> known = KeyUsageBit.fromListName(bit.getKey());
            if (known.isEmpty()) {
                unknown = true;
                continue;
            }
            if (certificate.hasKeyUsage(known.get()) != bit.getValue()) {
                return Optional.of(false);
            }
        }
        return unknown ? Optional.empty() : Optional.of(true);
    }
}

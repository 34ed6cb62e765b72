package org.qtrust.core.trustedlist.mra;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.trustedlist.CriteriaList;

/**
 * A CriteriaList of an MRA certificate content declaration: QcStatementSet criteria (each set is
 * met when the certificate has every statement in it) and nested lists, under an assertion.
 *
 * @param assertion all, atLeastOne or none of the criteria
 * @param sets      the QcStatementSets of its otherCriteriaList
 * @param nested    nested CriteriaList elements
 */
public record QcStatementCriteria(CriteriaList.Assertion assertion, List<List<Statement>> sets,
                                  List<QcStatementCriteria> nested) {

    /**
     * One QcStatement of a set: its id, and the QcType or QcCClegislation it must carry.
     *
     * @param oid         QcStatementId (dotted)
     * @param qcType      QcStatementInfo/QcType OID, when given
     * @param legislation QcStatementInfo/QcCClegislation country code, when given
     */
    public record Statement(String oid, Optional<String> qcType, Optional<String> legislation) {
        public Statement {
            Objects.requireNonNull(oid);
            Objects.requireNonNull(qcType);
            Objects.requireNonNull(legislation);
        }
    }

    public QcStatementCriteria {
        Objects.requireNonNull(assertion);
        sets = sets.stream().map(List::copyOf).toList();
        nested = List.copyOf(nested);
    }
}

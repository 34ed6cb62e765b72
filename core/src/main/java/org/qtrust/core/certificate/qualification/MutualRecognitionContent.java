package org.qtrust.core.certificate.qualification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.QcStatements;
import org.qtrust.core.trustedlist.mra.ContentEquivalence;
import org.qtrust.core.trustedlist.mra.EquivalenceMapping;
import org.qtrust.core.trustedlist.mra.QcStatementCriteria;
import org.qtrust.core.trustedlist.mra.Recognition;

/**
 * A certificate issued by a service recognised under a mutual recognition agreement, as the EU
 * rules read it: for each context of the agreement's certificate content equivalences
 * (CertificateContentReferencesEquivalenceList), a certificate that meets the pointed party's
 * declaration counts as meeting the pointing party's, and one that does not, does not:
 * <ul>
 * <li>QcCompliance met: QcCompliance, without the third country's QcCClegislation; not met: no QcCompliance;</li>
 * <li>QcType met: its QcTypes are kept; not met: none (its purpose is unknown);</li>
 * <li>QcQSCD/QcSSCD met: its key is in a QSCD; not met: it is not.</li>
 * </ul>
 * Contexts the agreement does not name are read as the certificate states them (a QcCClegislation
 * left in place keeps the certificate out of EU qualification). Without any content equivalence the
 * certificate is read as it is.
 */
final class MutualRecognitionContent {

    private MutualRecognitionContent() {
    }

    static CertificateFacts apply(CertificateFacts certificate, Recognition recognition, List<String> trace, String at) {
        EquivalenceMapping mapping = recognition.mapping();
        QcStatements qc = certificate.qcStatements();
        if (mapping.contents().isEmpty()) {
            trace.add(at + "recognised under the mutual recognition agreement for " + recognition.territory() + " ("
                    + recognition.legalIdentifier() + "); the agreement has no certificate content equivalence: the"
                    + " certificate is read as it is");
            return certificate;
        }
        boolean compliance = qc.compliance();
        boolean sscd = qc.sscd();
        List<String> legislation = qc.legislation();
        List<String> qscdLegislation = qc.qscdLegislation();
        List<org.qtrust.core.certificate.QcType> types = qc.types();
        List<String> typeOids = qc.typeOids();
        List<String> read = new ArrayList<>();
        for (ContentEquivalence content : mapping.contents()) {
            boolean met = matches(content.pointed(), qc);
            read.add(content.context().name() + (met ? " met" : " not met"));
            switch (content.context()) {
                case QC_COMPLIANCE -> {
                    compliance = met;
                    if (met) {
                        legislation = List.of();
                    }
                }
                case QC_TYPE -> {
                    if (!met) {
                        types = List.of();
                        typeOids = List.of();
                    }
                }
                case QC_QSCD, QC_SSCD -> {
                    sscd = met;
                    if (met) {
                        qscdLegislation = List.of();
                    }
                }
            }
        }
        QcStatements eu = new QcStatements(qc.present(), compliance, sscd, types, typeOids, qc.pds(), legislation,
                qc.retentionPeriod(), qc.identMethods(), qscdLegislation, qc.semanticsIds(), qc.psd2(),
                qc.otherStatements(), qc.problem());
        trace.add(at + "recognised under the mutual recognition agreement for " + recognition.territory() + " ("
                + recognition.legalIdentifier() + ", listed as " + recognition.listedType() + " "
                + recognition.listedStatus() + "): the certificate's content against the agreement's declarations: "
                + read + "; read as QcCompliance " + compliance + ", QcType " + typeOids + ", QSCD " + sscd
                + (legislation.isEmpty() ? "" : ", QcCClegislation " + legislation));
        return certificate.withQcStatements(eu);
    }

    /** A CriteriaList of QcStatementSets against the certificate's statements (TS 119 612 §5.5.9.2.2 assertions). */
    static boolean matches(QcStatementCriteria criteria, QcStatements qc) {
        List<Boolean> results = new ArrayList<>();
        for (List<QcStatementCriteria.Statement> set : criteria.sets()) {
            results.add(set.stream().allMatch(statement -> has(qc, statement)));
        }
        for (QcStatementCriteria nested : criteria.nested()) {
            results.add(matches(nested, qc));
        }
        return switch (criteria.assertion()) {
            case ALL -> results.stream().allMatch(Boolean::booleanValue);
            case AT_LEAST_ONE -> results.stream().anyMatch(Boolean::booleanValue);
            case NONE -> results.stream().noneMatch(Boolean::booleanValue);
        };
    }

    private static boolean has(QcStatements qc, QcStatementCriteria.Statement statement) {
        if (!qc.present()) {
            return false;
        }
        Optional<String> type = statement.qcType();
        Optional<String> country = statement.legislation();
        return switch (statement.oid()) {
            case QcStatements.QC_COMPLIANCE -> qc.compliance();
            case QcStatements.QC_SSCD -> qc.sscd();
            case QcStatements.QC_TYPE -> type.map(qc.typeOids()::contains).orElse(!qc.typeOids().isEmpty());
            case QcStatements.QC_CC_LEGISLATION -> country.map(qc.legislation()::contains).orElse(!qc.legislation().isEmpty());
            case QcStatements.QC_QSCD_LEGISLATION -> country.map(qc.qscdLegislation()::contains)
                    .orElse(!qc.qscdLegislation().isEmpty());
            case QcStatements.QC_PDS -> !qc.pds().isEmpty();
            case QcStatements.QC_RETENTION_PERIOD -> qc.retentionPeriod().isPresent();
            case QcStatements.QC_IDENT_METHOD -> !qc.identMethods().isEmpty();
            case QcStatements.PSD2 -> qc.psd2().isPresent();
            default -> qc.otherStatements().contains(statement.oid());
        };
    }
}

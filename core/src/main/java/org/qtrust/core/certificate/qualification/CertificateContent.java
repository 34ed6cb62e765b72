package org.qtrust.core.certificate.qualification;

import java.util.Set;
import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.QcStatements;
import org.qtrust.core.certificate.QcType;
import org.qtrust.core.certificate.qualification.CertificateQualification.Purpose;

/**
 * What a certificate claims about itself, read with the rules of the time it was issued: a
 * certificate issued under Directive 1999/93/EC (notBefore before {@link EidasDates#EIDAS})
 * claims qualification with QcCompliance or the TS 101 456 policies QCP / QCP+ and an SSCD with
 * QcSSCD or QCP+ (TS 119 615 PRO-4.4.4-33 and PRO-4.5.4-03, Tables 5 and 6); one issued under
 * the eIDAS Regulation claims qualification with QcCompliance, its purpose with QcType and a
 * QSCD with QcSSCD (EN 319 412-5 §4.2; TS 119 615 Tables 1 to 3 and 7). QcCClegislation means
 * qualified under a non-EU law, which is not an EU qualified certificate (EN 319 412-5 §4.2.4).
 */
public final class CertificateContent {

    /** TS 101 456 QCP (qcp-public). */
    public static final String QCP = "0.4.0.1456.1.2";
    /** TS 101 456 QCP+ (qcp-public-with-sscd). */
    public static final String QCP_PLUS = "0.4.0.1456.1.1";

    private CertificateContent() {
    }

    public static boolean issuedUnderDirective(CertificateFacts certificate) {
        return EidasDates.beforeEidas(certificate.notBefore());
    }

    /** Whether the certificate claims to be an EU qualified certificate. */
    public static boolean claimsQualified(CertificateFacts certificate) {
        QcStatements qc = certificate.qcStatements();
        if (!qc.legislation().isEmpty()) {
            return false;
        }
        if (issuedUnderDirective(certificate)) {
            return qc.compliance() || certificate.policies().contains(QCP) || certificate.policies().contains(QCP_PLUS);
        }
        return qc.compliance();
    }

    /**
     * The purpose the certificate declares. Directive era: a qualified certificate was for
     * electronic signatures only. eIDAS era: its single QcType; QcCompliance without QcType is
     * for eSignatures (TS 119 615 Table 1, first row); several different QcTypes or none at
     * all leave it unknown.
     */
    public static Purpose purpose(CertificateFacts certificate) {
        QcStatements qc = certificate.qcStatements();
        if (issuedUnderDirective(certificate)) {
            boolean claims = qc.compliance() || certificate.policies().contains(QCP) || certificate.policies().contains(QCP_PLUS);
            return claims ? Purpose.ESIG : Purpose.UNKNOWN;
        }
        Set<QcType> types = qc.typeSet();
        if (types.isEmpty()) {
            return qc.compliance() ? Purpose.ESIG : Purpose.UNKNOWN;
        }
        if (types.size() > 1) {
            return Purpose.UNKNOWN;
        }
        return switch (types.iterator().next()) {
            case ESIGN -> Purpose.ESIG;
            case ESEAL -> Purpose.ESEAL;
            case WEB -> Purpose.WSA;
        };
    }

    /** Whether the certificate claims its private key is in a (Q)SSCD. */
    public static boolean claimsQscd(CertificateFacts certificate) {
        if (issuedUnderDirective(certificate)) {
            return certificate.qcStatements().sscd() || certificate.policies().contains(QCP_PLUS);
        }
        return certificate.qcStatements().sscd();
    }

    /** One line for traces: what the certificate itself says. */
    public static String describe(CertificateFacts certificate) {
        QcStatements qc = certificate.qcStatements();
        StringBuilder line = new StringBuilder("certificate content (");
        line.append(issuedUnderDirective(certificate) ? "issued under Directive 1999/93/EC" : "issued under eIDAS").append("): ");
        line.append(claimsQualified(certificate) ? "claims qualified" : "does not claim qualified");
        line.append(", purpose ").append(purpose(certificate).name().toLowerCase(java.util.Locale.ROOT));
        line.append(claimsQscd(certificate) ? ", key in a QSCD" : ", no QSCD claim");
        if (!qc.legislation().isEmpty()) {
            line.append(", QcCClegislation ").append(qc.legislation()).append(" (qualified under non-EU law)");
        }
        if (qc.problem().isPresent()) {
            line.append(", QcStatements unreadable: ").append(qc.problem().get());
        }
        return line.toString();
    }
}

package org.qtrust.adapters.crypto.testpki;

import org.bouncycastle.asn1.ASN1Encodable;
import org.qtrust.adapters.crypto.pki.QcStatementsBuilder;

/**
 * The DER value of a QcStatements extension (ETSI EN 319 412-5), for
 * {@link TestPki.CertificateBuilder#qcStatements(byte[])}: a thin front of the product's
 * {@link QcStatementsBuilder}.
 *
 * <pre>{@code QcStatements.create().compliance().sscd().type(QcStatements.QCT_ESIGN).encoded()}</pre>
 */
public final class QcStatements {

    public static final String QC_COMPLIANCE = QcStatementsBuilder.QC_COMPLIANCE;
    public static final String QC_SSCD = QcStatementsBuilder.QC_SSCD;
    public static final String QC_PDS = QcStatementsBuilder.QC_PDS;
    public static final String QC_TYPE = QcStatementsBuilder.QC_TYPE;
    public static final String QCT_ESIGN = QcStatementsBuilder.QCT_ESIGN;
    public static final String QCT_ESEAL = QcStatementsBuilder.QCT_ESEAL;
    public static final String QCT_WEB = QcStatementsBuilder.QCT_WEB;
    public static final String QC_CC_LEGISLATION = QcStatementsBuilder.QC_CC_LEGISLATION;

    private final QcStatementsBuilder builder = QcStatementsBuilder.create();

    private QcStatements() {
    }

    public static QcStatements create() {
        return new QcStatements();
    }

    public QcStatements compliance() {
        builder.compliance();
        return this;
    }

    public QcStatements sscd() {
        builder.sscd();
        return this;
    }

    /** QcType with one or more of {@link #QCT_ESIGN}, {@link #QCT_ESEAL}, {@link #QCT_WEB}. */
    public QcStatements type(String... typeOids) {
        builder.type(typeOids);
        return this;
    }

    /** QcPDS with one location. */
    public QcStatements pds(String url, String language) {
        builder.pds(url, language);
        return this;
    }

    /** QcCClegislation: the certificate is qualified under these countries' law (non-EU). */
    public QcStatements legislation(String... countryCodes) {
        builder.legislation(countryCodes);
        return this;
    }

    /** A statement without information, any OID. */
    public QcStatements statement(String oid) {
        builder.statement(oid);
        return this;
    }

    /** A statement with its information. */
    public QcStatements statement(String oid, ASN1Encodable info) {
        builder.statement(oid, info);
        return this;
    }

    /** The extension value: SEQUENCE OF QCStatement, DER. */
    public byte[] encoded() {
        return builder.encoded();
    }
}

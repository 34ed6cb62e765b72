package org.qtrust.adapters.crypto.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.qualified.QCStatement;

/**
 * The DER value of a QcStatements extension (ETSI EN 319 412-5), for
 * {@link CertificateBuilder#qcStatements(byte[])}.
 *
 * <pre>{@code QcStatementsBuilder.create().compliance().sscd().type(QcStatementsBuilder.QCT_ESIGN).encoded()}</pre>
 */
public final class QcStatementsBuilder {

    public static final String QC_COMPLIANCE = "0.4.0.1862.1.1";
    public static final String QC_SSCD = "0.4.0.1862.1.4";
    public static final String QC_PDS = "0.4.0.1862.1.5";
    public static final String QC_TYPE = "0.4.0.1862.1.6";
    public static final String QCT_ESIGN = "0.4.0.1862.1.6.1";
    public static final String QCT_ESEAL = "0.4.0.1862.1.6.2";
    public static final String QCT_WEB = "0.4.0.1862.1.6.3";
    public static final String QC_CC_LEGISLATION = "0.4.0.1862.1.7";

    private final List<QCStatement> statements = new ArrayList<>();

    private QcStatementsBuilder() {
    }

    public static QcStatementsBuilder create() {
        return new QcStatementsBuilder();
    }

    public QcStatementsBuilder compliance() {
        return statement(QC_COMPLIANCE);
    }

    public QcStatementsBuilder sscd() {
        return statement(QC_SSCD);
    }

    /** QcType with one or more of {@link #QCT_ESIGN}, {@link #QCT_ESEAL}, {@link #QCT_WEB}. */
    public QcStatementsBuilder type(String... typeOids) {
        ASN1EncodableVector types = new ASN1EncodableVector();
        for (String oid : typeOids) {
            types.add(new ASN1ObjectIdentifier(oid));
        }
        return statement(QC_TYPE, new DERSequence(types));
    }

    /** QcPDS with one location. */
    public QcStatementsBuilder pds(String url, String language) {
        return statement(QC_PDS, new DERSequence(new DERSequence(new ASN1Encodable[] {
            new DERIA5String(url), new DERPrintableString(language)})));
    }

    /** QcCClegislation: the certificate is qualified under these countries' law (non-EU). */
    public QcStatementsBuilder legislation(String... countryCodes) {
        ASN1EncodableVector countries = new ASN1EncodableVector();
        for (String country : countryCodes) {
            countries.add(new DERPrintableString(country));
        }
        return statement(QC_CC_LEGISLATION, new DERSequence(countries));
    }

    /** A statement without information, any OID. */
    public QcStatementsBuilder statement(String oid) {
        statements.add(new QCStatement(new ASN1ObjectIdentifier(oid)));
        return this;
    }

    /** A statement with its information. */
    public QcStatementsBuilder statement(String oid, ASN1Encodable info) {
        statements.add(new QCStatement(new ASN1ObjectIdentifier(oid), info));
        return this;
    }

    /** The extension value: SEQUENCE OF QCStatement, DER. */
    public byte[] encoded() {
        try {
            return new DERSequence(statements.toArray(new ASN1Encodable[0])).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

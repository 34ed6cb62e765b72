package org.qtrust.adapters.crypto.certificate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.qualified.QCStatement;
import org.qtrust.core.certificate.QcStatements;
import org.qtrust.core.certificate.QcType;

/**
 * Reads the QCStatements extension (RFC 3739 §3.2.6: {@code QCStatements ::= SEQUENCE OF
 * QCStatement}, {@code QCStatement ::= SEQUENCE { statementId OID, statementInfo ANY OPTIONAL }})
 * as ASN.1, with the statements of ETSI EN 319 412-5 §4 and ETSI TS 119 495 (PSD2):
 * <ul>
 * <li>QcCompliance 0.4.0.1862.1.1, QcSSCD 0.4.0.1862.1.4: no statementInfo;</li>
 * <li>QcType 0.4.0.1862.1.6: {@code SEQUENCE OF OBJECT IDENTIFIER};</li>
 * <li>QcPDS 0.4.0.1862.1.5: {@code SEQUENCE OF PdsLocation}, {@code PdsLocation ::= SEQUENCE { url IA5String, language PrintableString }};</li>
 * <li>QcCClegislation 0.4.0.1862.1.7 and QcQSCDlegislation 0.4.0.1862.1.9: {@code SEQUENCE OF PrintableString (SIZE (2))};</li>
 * <li>QcRetentionPeriod 0.4.0.1862.1.3: INTEGER; QcIdentMethod 0.4.0.1862.1.8: identifier(s);</li>
 * <li>PKIX QCSyntax-v1/v2: SemanticsInformation (its semanticsIdentifier);</li>
 * <li>PSD2 0.4.0.19495.2: {@code SEQUENCE { rolesOfPSP SEQUENCE OF SEQUENCE { OID, UTF8String }, nCAName UTF8String, nCAId UTF8String }}.</li>
 * </ul>
 * A value that is not a SEQUENCE OF QCStatement is unreadable as a whole: it claims nothing. A
 * known statement whose information is malformed is skipped and named in {@code problem}.
 */
final class QcStatementsParser {

    private static final String PKIX_QC_SYNTAX_V1 = "1.3.6.1.5.5.7.11.1";

    private QcStatementsParser() {
    }

    static QcStatements parse(byte[] extensionValue) {
        ASN1Sequence sequence;
        try {
            sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(extensionValue));
        } catch (IOException | IllegalArgumentException e) {
            return QcStatements.unreadable("not a SEQUENCE OF QCStatement (" + e.getMessage() + ")");
        }
        List<QCStatement> statements = new ArrayList<>(sequence.size());
        for (ASN1Encodable element : sequence) {
            try {
                statements.add(QCStatement.getInstance(element));
            } catch (IllegalArgumentException e) {
                return QcStatements.unreadable("an element is not a QCStatement SEQUENCE { OID, ANY } (RFC 3739 §3.2.6)");
            }
        }
        boolean compliance = false;
        boolean sscd = false;
        List<QcType> types = new ArrayList<>();
        List<String> typeOids = new ArrayList<>();
        List<QcStatements.PdsLocation> pds = new ArrayList<>();
        List<String> legislation = new ArrayList<>();
        Optional<Integer> retention = Optional.empty();
        List<String> identMethods = new ArrayList<>();
        List<String> qscdLegislation = new ArrayList<>();
        List<String> semantics = new ArrayList<>();
        Optional<QcStatements.Psd2> psd2 = Optional.empty();
        List<String> other = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (QCStatement statement : statements) {
            String oid = statement.getStatementId().getId();
            ASN1Encodable info = statement.getStatementInfo();
            try {
                switch (oid) {
                    case QcStatements.QC_COMPLIANCE -> compliance = true;
                    case QcStatements.QC_SSCD -> sscd = true;
                    case QcStatements.QC_TYPE -> {
                        for (ASN1Encodable type : ASN1Sequence.getInstance(info)) {
                            String typeOid = ASN1ObjectIdentifier.getInstance(type).getId();
                            typeOids.add(typeOid);
                            QcType.fromOid(typeOid).ifPresent(types::add);
                        }
                    }
                    case QcStatements.QC_PDS -> {
                        for (ASN1Encodable location : ASN1Sequence.getInstance(info)) {
                            ASN1Sequence pair = ASN1Sequence.getInstance(location);
                            pds.add(new QcStatements.PdsLocation(string(pair.getObjectAt(0)), string(pair.getObjectAt(1))));
                        }
                    }
                    case QcStatements.QC_CC_LEGISLATION -> strings(info, legislation);
                    case QcStatements.QC_QSCD_LEGISLATION -> strings(info, qscdLegislation);
                    case QcStatements.QC_RETENTION_PERIOD -> retention = Optional.of(ASN1Integer.getInstance(info).intValueExact());
                    case QcStatements.QC_IDENT_METHOD -> identifiers(info, identMethods);
                    case QcStatements.PKIX_QC_SYNTAX_V2, PKIX_QC_SYNTAX_V1 -> {
                        if (info != null) {
                            ASN1Encodable first = ASN1Sequence.getInstance(info).getObjectAt(0);
                            if (first instanceof ASN1ObjectIdentifier semanticsId) {
                                semantics.add(semanticsId.getId());
                            }
                        }
                    }
                    case QcStatements.PSD2 -> psd2 = Optional.of(psd2(info));
                    default -> other.add(oid);
                }
            } catch (IllegalArgumentException | ArithmeticException | NullPointerException | IndexOutOfBoundsException e) {
                problems.add("statement " + oid + " has malformed information and is ignored");
            }
        }
        return new QcStatements(true, compliance, sscd, types, typeOids, pds, legislation, retention, identMethods,
                qscdLegislation, semantics, psd2, other, problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)));
    }

    private static QcStatements.Psd2 psd2(ASN1Encodable info) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(info);
        List<String> roles = new ArrayList<>();
        List<String> roleOids = new ArrayList<>();
        for (ASN1Encodable role : ASN1Sequence.getInstance(sequence.getObjectAt(0))) {
            ASN1Sequence pair = ASN1Sequence.getInstance(role);
            roleOids.add(ASN1ObjectIdentifier.getInstance(pair.getObjectAt(0)).getId());
            roles.add(string(pair.getObjectAt(1)));
        }
        return new QcStatements.Psd2(roles, roleOids, string(sequence.getObjectAt(1)), string(sequence.getObjectAt(2)));
    }

    private static void strings(ASN1Encodable info, List<String> into) {
        for (ASN1Encodable element : ASN1Sequence.getInstance(info)) {
            into.add(string(element));
        }
    }

    private static void identifiers(ASN1Encodable info, List<String> into) {
        if (info instanceof ASN1ObjectIdentifier oid) {
            into.add(oid.getId());
            return;
        }
        for (ASN1Encodable element : ASN1Sequence.getInstance(info)) {
            into.add(ASN1ObjectIdentifier.getInstance(element).getId());
        }
    }

    private static String string(ASN1Encodable value) {
        if (value instanceof ASN1String text) {
            return text.getString();
        }
        throw new IllegalArgumentException("not a string: " + value);
    }
}

package org.qtrust.adapters.crypto.listwriter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a LOTL pointer's mra:MutualRecognitionAgreementInformation (the EC's MRA schema v2, TS 119
 * 612 v2.4.1 §5.3.13) for test lists and the sandbox: one {@link Equivalence} per kind of recognised
 * trust service, each with its type, status, qualifier and certificate content equivalences. Pass
 * {@link #build()} to {@link TrustedListWriter.LotlBuilder#thirdCountryPointer}.
 *
 * <pre>{@code
 * String mra = MraWriter.agreement()
 *         .equivalence(MraWriter.equivalence("QCForESig", MraWriter.ENACTED, start)
 *                 .types(TrustedListWriter.CA_QC, List.of(TrustedListWriter.FOR_ESIGNATURES), "http://tc.test/CA/QC", List.of())
 *                 .valid(TrustedListWriter.GRANTED, "http://tc.test/granted")
 *                 .invalid(TrustedListWriter.WITHDRAWN, "http://tc.test/withdrawn"))
 *         .build();
 * }</pre>
 */
public final class MraWriter {

    public static final String NAMESPACE = "http://ec.europa.eu/tools/lotl/mra/schema/v2#";
    public static final String ENACTED = "http://ec.europa.eu/tools/lotl/mra/enacted";
    public static final String REPEALED = "http://ec.europa.eu/tools/lotl/mra/repealed";
    public static final String CONTEXT = "http://ec.europa.eu/tools/lotl/mra/";
    public static final String QC_COMPLIANCE = "0.4.0.1862.1.1";
    public static final String QC_SSCD = "0.4.0.1862.1.4";
    public static final String QC_TYPE = "0.4.0.1862.1.6";
    public static final String QC_CC_LEGISLATION = "0.4.0.1862.1.7";

    private static final String SIE = TrustedListWriter.QUALIFICATIONS_NAMESPACE;
    private static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";

    private int technicalType = 1;
    private int version = 1;
    private int depth = 1;
    private final List<Equivalence> equivalences = new ArrayList<>();

    private MraWriter() {
    }

    public static MraWriter agreement() {
        return new MraWriter();
    }

    public static Equivalence equivalence(String legalIdentifier, String status, Instant start) {
        return new Equivalence(legalIdentifier, status, start);
    }

    /** The technicalType and version attributes (1 and 1 are the kind QTrust implements). */
    public MraWriter kind(int technicalTypeValue, int versionValue) {
        this.technicalType = technicalTypeValue;
        this.version = versionValue;
        return this;
    }

    public MraWriter depth(int mraDepth) {
        this.depth = mraDepth;
        return this;
    }

    public MraWriter equivalence(Equivalence equivalence) {
        equivalences.add(Objects.requireNonNull(equivalence));
        return this;
    }

    /** The element, with its namespace declarations, ready to sit in an OtherInformation. */
    public String build() {
        StringBuilder xml = new StringBuilder();
        xml.append("<mra:MutualRecognitionAgreementInformation xmlns:mra=\"").append(NAMESPACE).append("\" xmlns:sie=\"")
                .append(SIE).append("\" xmlns:xades=\"").append(XADES).append("\" MRADepth=\"").append(depth)
                .append("\" pointedContractingPartyLegislation=\"urn:test:third-country-law\"")
                .append(" pointingContractingPartyLegislation=\"urn:test:eu-law\" technicalType=\"").append(technicalType)
                .append("\" version=\"").append(version).append("\">");
        for (Equivalence equivalence : equivalences) {
            xml.append("<mra:TrustServiceEquivalenceInformation>")
                    .append("<mra:TrustServiceLegalIdentifier>").append(TrustedListWriter.escape(equivalence.legalIdentifier))
                    .append("</mra:TrustServiceLegalIdentifier>");
            equivalence.appendBody(xml);
            for (Equivalence history : equivalence.history) {
                xml.append("<mra:TrustServiceEquivalenceHistory><mra:TrustServiceEquivalenceHistoryInstance>");
                history.appendBody(xml);
                xml.append("</mra:TrustServiceEquivalenceHistoryInstance></mra:TrustServiceEquivalenceHistory>");
            }
            xml.append("</mra:TrustServiceEquivalenceInformation>");
        }
        return xml.append("</mra:MutualRecognitionAgreementInformation>").toString();
    }

    /**
     * A QcStatement of a certificate content declaration: its OID and, for QcType or QcCClegislation, the value
     * ({@code statement(QC_TYPE, "0.4.0.1862.1.6.1")}, {@code statement(QC_CC_LEGISLATION, "ZZ")}).
     */
    public static String statement(String oid, String... value) {
        StringBuilder xml = new StringBuilder("<mra:QcStatement><mra:QcStatementId><xades:Identifier Qualifier=\"OIDAsURN\">urn:oid:")
                .append(oid).append("</xades:Identifier></mra:QcStatementId>");
        if (value.length > 0) {
            xml.append("<mra:QcStatementInfo>");
            if (QC_TYPE.equals(oid)) {
                xml.append("<mra:QcType><xades:Identifier Qualifier=\"OIDAsURN\">urn:oid:").append(value[0])
                        .append("</xades:Identifier></mra:QcType>");
            } else {
                xml.append("<mra:QcCClegislation>").append(TrustedListWriter.escape(value[0])).append("</mra:QcCClegislation>");
            }
            xml.append("</mra:QcStatementInfo>");
        }
        return xml.append("</mra:QcStatement>").toString();
    }

    /** A QcStatementSet: the certificate has every statement in it. */
    public static String set(String... statements) {
        return "<mra:QcStatementSet>" + String.join("", statements) + "</mra:QcStatementSet>";
    }

    /** A nested sie:CriteriaList of sets and further lists, under an assertion ("all", "atLeastOne", "none"). */
    public static String criteria(String assertion, String... setsOrLists) {
        return "<sie:CriteriaList assert=\"" + assertion + "\">" + body(setsOrLists) + "</sie:CriteriaList>";
    }

    private static String body(String... setsOrLists) {
        StringBuilder sets = new StringBuilder();
        StringBuilder lists = new StringBuilder();
        for (String part : setsOrLists) {
            (part.startsWith("<mra:QcStatementSet>") ? sets : lists).append(part);
        }
        return (sets.length() == 0 ? "" : "<sie:otherCriteriaList>" + sets + "</sie:otherCriteriaList>") + lists;
    }

    /** One TrustServiceEquivalenceInformation (or, through {@link #history}, one of its history instances). */
    public static final class Equivalence {
        private final String legalIdentifier;
        private final String status;
        private final Instant start;
        private final StringBuilder pointingTypes = new StringBuilder();
        private final StringBuilder pointedTypes = new StringBuilder();
        private final List<String[]> valid = new ArrayList<>();
        private final List<String[]> invalid = new ArrayList<>();
        private final List<String[]> qualifiers = new ArrayList<>();
        private final List<String[]> contents = new ArrayList<>();
        private final List<Equivalence> history = new ArrayList<>();

        private Equivalence(String legalIdentifier, String status, Instant start) {
            this.legalIdentifier = Objects.requireNonNull(legalIdentifier);
            this.status = Objects.requireNonNull(status);
            this.start = Objects.requireNonNull(start);
        }

        /** The EU type (with its AdditionalServiceInformation) that the third country's type counts as. */
        public Equivalence types(String euType, List<String> euAdditionalInformation, String thirdCountryType,
                                 List<String> thirdCountryAdditionalInformation) {
            appendType(pointingTypes, euType, euAdditionalInformation);
            appendType(pointedTypes, thirdCountryType, thirdCountryAdditionalInformation);
            return this;
        }

        public Equivalence valid(String euStatus, String thirdCountryStatus) {
            valid.add(new String[] {euStatus, thirdCountryStatus});
            return this;
        }

        public Equivalence invalid(String euStatus, String thirdCountryStatus) {
            invalid.add(new String[] {euStatus, thirdCountryStatus});
            return this;
        }

        public Equivalence qualifier(String euQualifier, String thirdCountryQualifier) {
            qualifiers.add(new String[] {euQualifier, thirdCountryQualifier});
            return this;
        }

        /**
         * A certificate content equivalence: {@code context} is QcCompliance, QcType, QcQSCD…; each declaration is
         * the content of a CriteriaListType (see {@link MraWriter#criteria}, {@link MraWriter#set}), asserted "all".
         */
        public Equivalence content(String context, String euDeclaration, String thirdCountryDeclaration) {
            contents.add(new String[] {context, euDeclaration, thirdCountryDeclaration});
            return this;
        }

        /** An earlier version of this equivalence (a TrustServiceEquivalenceHistoryInstance). */
        public Equivalence history(Equivalence earlier) {
            history.add(Objects.requireNonNull(earlier));
            return this;
        }

        private static void appendType(StringBuilder xml, String type, List<String> additional) {
            xml.append("<mra:TrustServiceTSLType><ServiceTypeIdentifier>").append(TrustedListWriter.escape(type))
                    .append("</ServiceTypeIdentifier>");
            for (String uri : additional) {
                xml.append("<AdditionalServiceInformation><URI xml:lang=\"en\">").append(TrustedListWriter.escape(uri))
                        .append("</URI></AdditionalServiceInformation>");
            }
            xml.append("</mra:TrustServiceTSLType>");
        }

        private void appendBody(StringBuilder xml) {
            xml.append("<mra:TrustServiceTSLTypeEquivalenceList><mra:TrustServiceTSLTypeListPointingParty>").append(pointingTypes)
                    .append("</mra:TrustServiceTSLTypeListPointingParty><mra:TrustServiceTSLTypeListPointedParty>").append(pointedTypes)
                    .append("</mra:TrustServiceTSLTypeListPointedParty></mra:TrustServiceTSLTypeEquivalenceList>")
                    .append("<mra:TrustServiceEquivalenceStatus>").append(TrustedListWriter.escape(status))
                    .append("</mra:TrustServiceEquivalenceStatus><mra:TrustServiceEquivalenceStatusStartingTime>")
                    .append(TrustedListWriter.time(start)).append("</mra:TrustServiceEquivalenceStatusStartingTime>")
                    .append("<mra:TrustServiceTSLStatusEquivalenceList>");
            appendStatuses(xml, "Valid", valid);
            appendStatuses(xml, "Invalid", invalid);
            xml.append("</mra:TrustServiceTSLStatusEquivalenceList>");
            if (!contents.isEmpty()) {
                xml.append("<mra:CertificateContentReferencesEquivalenceList>");
                for (String[] content : contents) {
                    xml.append("<mra:CertificateContentReferenceEquivalence><mra:CertificateContentReferenceEquivalenceContext>")
                            .append(CONTEXT).append(content[0]).append("</mra:CertificateContentReferenceEquivalenceContext>")
                            .append("<mra:CertificateContentDeclarationPointingParty assert=\"all\">").append(body(content[1]))
                            .append("</mra:CertificateContentDeclarationPointingParty>")
                            .append("<mra:CertificateContentDeclarationPointedParty assert=\"all\">").append(body(content[2]))
                            .append("</mra:CertificateContentDeclarationPointedParty></mra:CertificateContentReferenceEquivalence>");
                }
                xml.append("</mra:CertificateContentReferencesEquivalenceList>");
            }
            if (!qualifiers.isEmpty()) {
                xml.append("<mra:TrustServiceTSLQualificationExtensionEquivalenceList><mra:TrustServiceTSLQualificationExtensionName>")
                        .append("<mra:TrustServiceTSLQualificationExtensionNamePointingParty>Sie:Q</mra:TrustServiceTSLQualificationExtensionNamePointingParty>")
                        .append("<mra:TrustServiceTSLQualificationExtensionNamePointedParty>Sie:Q</mra:TrustServiceTSLQualificationExtensionNamePointedParty>")
                        .append("</mra:TrustServiceTSLQualificationExtensionName><mra:QualifierEquivalenceList>");
                for (String[] qualifier : qualifiers) {
                    xml.append("<mra:QualifierEquivalence><mra:QualifierPointingParty uri=\"").append(TrustedListWriter.escape(qualifier[0]))
                            .append("\"/><mra:QualifierPointedParty uri=\"").append(TrustedListWriter.escape(qualifier[1]))
                            .append("\"/></mra:QualifierEquivalence>");
                }
                xml.append("</mra:QualifierEquivalenceList></mra:TrustServiceTSLQualificationExtensionEquivalenceList>");
            }
        }

        private static void appendStatuses(StringBuilder xml, String kind, List<String[]> pairs) {
            xml.append("<mra:TrustServiceTSLStatus").append(kind).append("Equivalence><mra:TrustServiceTSLStatusListPointingParty>");
            for (String[] pair : pairs) {
                xml.append("<ServiceStatus>").append(TrustedListWriter.escape(pair[0])).append("</ServiceStatus>");
            }
            xml.append("</mra:TrustServiceTSLStatusListPointingParty><mra:TrustServiceTSLStatusListPointedParty>");
            for (String[] pair : pairs) {
                xml.append("<ServiceStatus>").append(TrustedListWriter.escape(pair[1])).append("</ServiceStatus>");
            }
            xml.append("</mra:TrustServiceTSLStatusListPointedParty></mra:TrustServiceTSLStatus").append(kind).append("Equivalence>");
        }
    }
}

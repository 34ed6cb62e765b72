package org.qtrust.core.certificate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The QCStatements of a certificate (extension id-pe-qcStatements 1.3.6.1.5.5.7.1.3, RFC 3739
 * §3.2.6, statements of ETSI EN 319 412-5 §4 and ETSI TS 119 495 for PSD2), as read from the
 * ASN.1 by the crypto adapter.
 *
 * @param present          the extension is present and could be read
 * @param compliance       esi4-qcStatement-1 QcCompliance (0.4.0.1862.1.1): claimed EU qualified
 * @param sscd             esi4-qcStatement-4 QcSSCD (0.4.0.1862.1.4): private key in a (Q)SSCD
 * @param types            QcType (0.4.0.1862.1.6) values that EN 319 412-5 defines, in certificate order
 * @param typeOids         every QcType OID as found, including unknown ones
 * @param pds              QcPDS (0.4.0.1862.1.5) locations
 * @param legislation      QcCClegislation (0.4.0.1862.1.7) country codes: qualified under these non-EU laws
 * @param retentionPeriod  QcRetentionPeriod (0.4.0.1862.1.3) in years
 * @param identMethods     QcIdentMethod (0.4.0.1862.1.8) identifiers
 * @param qscdLegislation  QcQSCDlegislation (0.4.0.1862.1.9) country codes
 * @param semanticsIds     PKIX QCSyntax-v2 semantics identifiers (e.g. 0.4.0.194121.1.1 natural person)
 * @param psd2             the PSD2 statement (0.4.0.19495.2), when present
 * @param otherStatements  OIDs of statements this reader does not interpret
 * @param problem          why the extension could not be read, when it is present but malformed
 */
public record QcStatements(
        boolean present,
        boolean compliance,
        boolean sscd,
        List<QcType> types,
        List<String> typeOids,
        List<PdsLocation> pds,
        List<String> legislation,
        Optional<Integer> retentionPeriod,
        List<String> identMethods,
        List<String> qscdLegislation,
        List<String> semanticsIds,
        Optional<Psd2> psd2,
        List<String> otherStatements,
        Optional<String> problem) {

    /** OID of QcCompliance. */
    public static final String QC_COMPLIANCE = "0.4.0.1862.1.1";
    /** OID of QcLimitValue. */
    public static final String QC_LIMIT_VALUE = "0.4.0.1862.1.2";
    /** OID of QcRetentionPeriod. */
    public static final String QC_RETENTION_PERIOD = "0.4.0.1862.1.3";
    /** OID of QcSSCD. */
    public static final String QC_SSCD = "0.4.0.1862.1.4";
    /** OID of QcPDS. */
    public static final String QC_PDS = "0.4.0.1862.1.5";
    /** OID of QcType. */
    public static final String QC_TYPE = "0.4.0.1862.1.6";
    /** OID of QcCClegislation. */
    public static final String QC_CC_LEGISLATION = "0.4.0.1862.1.7";
    /** OID of QcIdentMethod. */
    public static final String QC_IDENT_METHOD = "0.4.0.1862.1.8";
    /** OID of QcQSCDlegislation. */
    public static final String QC_QSCD_LEGISLATION = "0.4.0.1862.1.9";
    /** OID of the PSD2 QCStatement (ETSI TS 119 495 §5.1). */
    public static final String PSD2 = "0.4.0.19495.2";
    /** OID of id-qcs-pkixQCSyntax-v2 (RFC 3739). */
    public static final String PKIX_QC_SYNTAX_V2 = "1.3.6.1.5.5.7.11.2";

    /** No QcStatements extension. */
    public static final QcStatements NONE = new QcStatements(false, false, false, List.of(), List.of(), List.of(),
            List.of(), Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), List.of(), Optional.empty());

    /** One PdsLocation: where the PKI disclosure statement is, and its language (ISO 639-1). */
    public record PdsLocation(String url, String language) {
        public PdsLocation {
            Objects.requireNonNull(url);
            Objects.requireNonNull(language);
        }
    }

    /**
     * The PSD2 statement of ETSI TS 119 495: the payment service provider's roles and its
     * national competent authority.
     *
     * @param roles   role names as given (PSP_AS, PSP_PI, PSP_AI, PSP_IC)
     * @param roleOids role OIDs (0.4.0.19495.1.1 … .4)
     */
    public record Psd2(List<String> roles, List<String> roleOids, String authorityName, String authorityId) {
        public Psd2 {
            roles = List.copyOf(roles);
            roleOids = List.copyOf(roleOids);
            Objects.requireNonNull(authorityName);
            Objects.requireNonNull(authorityId);
        }
    }

    public QcStatements {
        types = List.copyOf(types);
        typeOids = List.copyOf(typeOids);
        pds = List.copyOf(pds);
        legislation = List.copyOf(legislation);
        Objects.requireNonNull(retentionPeriod);
        identMethods = List.copyOf(identMethods);
        qscdLegislation = List.copyOf(qscdLegislation);
        semanticsIds = List.copyOf(semanticsIds);
        Objects.requireNonNull(psd2);
        otherStatements = List.copyOf(otherStatements);
        Objects.requireNonNull(problem);
    }

    /** A present but unreadable extension: nothing can be claimed from it. */
    public static QcStatements unreadable(String problem) {
        return new QcStatements(false, false, false, List.of(), List.of(), List.of(), List.of(), Optional.empty(),
                List.of(), List.of(), List.of(), Optional.empty(), List.of(), Optional.of(problem));
    }

    /** The distinct QcTypes this certificate declares. */
    public Set<QcType> typeSet() {
        return Set.copyOf(types);
    }
}

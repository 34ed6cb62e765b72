package org.qtrust.core.certificate.qualification;

import java.util.Optional;

/**
 * The Sie:Q qualifiers of TS 119 612 §5.5.9.2.3 (…/SvcInfoExt/QCWithQSCD etc.) and the
 * AdditionalServiceInformation URIs of §5.5.9.4, matched by exact URI. The pre-2016 spelling
 * under …/eSigDir-1999-93-EC-TrustedList/SvcInfoExt/ (TS 102 231) means the same qualifier.
 */
public enum ServiceQualifiers {
    QC_WITH_SSCD("QCWithSSCD"),
    QC_NO_SSCD("QCNoSSCD"),
    QC_SSCD_STATUS_AS_IN_CERT("QCSSCDStatusAsInCert"),
    QC_WITH_QSCD("QCWithQSCD"),
    QC_NO_QSCD("QCNoQSCD"),
    QC_QSCD_STATUS_AS_IN_CERT("QCQSCDStatusAsInCert"),
    QC_QSCD_MANAGED_ON_BEHALF("QCQSCDManagedOnBehalf"),
    QC_FOR_LEGAL_PERSON("QCForLegalPerson"),
    QC_FOR_ESIG("QCForESig"),
    QC_FOR_ESEAL("QCForESeal"),
    QC_FOR_WSA("QCForWSA"),
    NOT_QUALIFIED("NotQualified"),
    QC_STATEMENT("QCStatement");

    public static final String PREFIX = "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/";
    public static final String V1_PREFIX = "http://uri.etsi.org/TrstSvc/eSigDir-1999-93-EC-TrustedList/SvcInfoExt/";

    /** AdditionalServiceInformation: the service issues certificates for electronic signatures. */
    public static final String ASI_FOR_ESIGNATURES = PREFIX + "ForeSignatures";
    /** AdditionalServiceInformation: … for electronic seals. */
    public static final String ASI_FOR_ESEALS = PREFIX + "ForeSeals";
    /** AdditionalServiceInformation: … for website authentication. */
    public static final String ASI_FOR_WEB = PREFIX + "ForWebSiteAuthentication";

    private final String name;

    ServiceQualifiers(String name) {
        this.name = name;
    }

    public String uri() {
        return PREFIX + name;
    }

    /** The qualifier's name as in its URI ("QCWithQSCD"). */
    public String qualifierName() {
        return name;
    }

    public static Optional<ServiceQualifiers> fromUri(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        String trimmed = uri.trim();
        String name;
        if (trimmed.startsWith(PREFIX)) {
            name = trimmed.substring(PREFIX.length());
        } else if (trimmed.startsWith(V1_PREFIX)) {
            name = trimmed.substring(V1_PREFIX.length());
        } else {
            return Optional.empty();
        }
        for (ServiceQualifiers qualifier : values()) {
            if (qualifier.name.equals(name)) {
                return Optional.of(qualifier);
            }
        }
        return Optional.empty();
    }
}

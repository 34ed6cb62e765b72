package org.qtrust.core.policy;

import java.util.Set;

/**
 * Service type identifiers of ETSI TS 119 612 §5.5.1 (and the eIDAS 2 attestation types).
 * Policies name exact URIs: a type matches only by equality, never by substring.
 */
public final class ServiceTypes {

    public static final String PREFIX = "http://uri.etsi.org/TrstSvc/Svctype/";

    public static final String CA_QC = PREFIX + "CA/QC";
    public static final String CA_PKC = PREFIX + "CA/PKC";
    public static final String NATIONAL_ROOT_CA_QC = PREFIX + "NationalRootCA-QC";
    public static final String OCSP_QC = PREFIX + "Certstatus/OCSP/QC";
    public static final String CRL_QC = PREFIX + "Certstatus/CRL/QC";
    public static final String TSA_QTST = PREFIX + "TSA/QTST";
    public static final String TSA_TSS_QC = PREFIX + "TSA/TSS-QC";
    public static final String EDS_Q = PREFIX + "EDS/Q";
    public static final String EDS_REM_Q = PREFIX + "EDS/REM/Q";
    public static final String PSES_Q = PREFIX + "PSES/Q";
    public static final String QES_VALIDATION_Q = PREFIX + "QESValidation/Q";
    public static final String REMOTE_QSIGCD_MANAGEMENT_Q = PREFIX + "RemoteQSigCDManagement/Q";
    public static final String REMOTE_QSEALCD_MANAGEMENT_Q = PREFIX + "RemoteQSealCDManagement/Q";
    public static final String EAA_Q = PREFIX + "EAA/Q";
    public static final String EAA_PUB = PREFIX + "EAA/Pub-EAA";
    public static final String EAA = PREFIX + "EAA";
    public static final String IDV_NOT_HAVING_PKI_ID = PREFIX + "IdV/nothavingPKIid";

    /** The pseudo type of a policy's plain trust anchor (a scheme without an ETSI list). */
    public static final String PLAIN_TRUST_ANCHOR = "urn:qtrust:plain-trust-anchor";

    /** Types whose digital identity issues certificates (so a certificate can chain to it). */
    public static final Set<String> CERTIFICATE_ISSUING = Set.of(CA_QC, CA_PKC, NATIONAL_ROOT_CA_QC);

    private ServiceTypes() {
    }

    /** The type without the ETSI prefix ("CA/QC"), for display. */
    public static String shortName(String uri) {
        return uri != null && uri.startsWith(PREFIX) ? uri.substring(PREFIX.length()) : uri;
    }

    /** A short name ("CA/QC") or a full URI to the full URI. */
    public static String expand(String nameOrUri) {
        String trimmed = nameOrUri.trim();
        return trimmed.contains("://") || trimmed.startsWith("urn:") ? trimmed : PREFIX + trimmed;
    }
}

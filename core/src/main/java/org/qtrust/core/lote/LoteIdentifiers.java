package org.qtrust.core.lote;

import java.util.Optional;

/**
 * The identifiers of ETSI TS 119 602 V1.1.1 (2025-11) and its EU profiles (Annexes D to H) that
 * QTrust relies on. Compared by exact equality, never by substring. Where each was checked is
 * recorded in docs/lote.md.
 */
public final class LoteIdentifiers {

    /** Prefix of every LoTE type URI (TS 119 602 §6.3.3 and the EU profiles' tables D.1 to H.1). */
    public static final String LOTE_TYPE_PREFIX = "http://uri.etsi.org/19602/LoTEType/";
    public static final String EU_PID_PROVIDERS_LIST = LOTE_TYPE_PREFIX + "EUPIDProvidersList";
    public static final String EU_WALLET_PROVIDERS_LIST = LOTE_TYPE_PREFIX + "EUWalletProvidersList";
    public static final String EU_WRPAC_PROVIDERS_LIST = LOTE_TYPE_PREFIX + "EUWRPACProvidersList";
    public static final String EU_WRPRC_PROVIDERS_LIST = LOTE_TYPE_PREFIX + "EUWRPRCProvidersList";
    public static final String EU_PUB_EAA_PROVIDERS_LIST = LOTE_TYPE_PREFIX + "EUPubEAAProvidersList";

    /** Prefix of the service types of the EU profiles (tables D.3 to H.3). */
    public static final String SERVICE_TYPE_PREFIX = "http://uri.etsi.org/19602/SvcType/";
    public static final String PID_ISSUANCE = SERVICE_TYPE_PREFIX + "PID/Issuance";
    public static final String PID_REVOCATION = SERVICE_TYPE_PREFIX + "PID/Revocation";
    public static final String WALLET_SOLUTION_ISSUANCE = SERVICE_TYPE_PREFIX + "WalletSolution/Issuance";
    public static final String WALLET_SOLUTION_REVOCATION = SERVICE_TYPE_PREFIX + "WalletSolution/Revocation";
    public static final String WRPAC_ISSUANCE = SERVICE_TYPE_PREFIX + "WRPAC/Issuance";
    public static final String WRPAC_REVOCATION = SERVICE_TYPE_PREFIX + "WRPAC/Revocation";
    public static final String WRPRC_ISSUANCE = SERVICE_TYPE_PREFIX + "WRPRC/Issuance";
    public static final String WRPRC_REVOCATION = SERVICE_TYPE_PREFIX + "WRPRC/Revocation";
    public static final String PUB_EAA_ISSUANCE = SERVICE_TYPE_PREFIX + "PubEAA/Issuance";
    public static final String PUB_EAA_REVOCATION = SERVICE_TYPE_PREFIX + "PubEAA/Revocation";

    /**
     * QTrust's own identifiers for a list of mDL providers (driving licence issuing authorities and
     * their IACAs) in the TS 119 602 shape: neither TS 119 602 V1.1.1 nor the ARF defines an EU
     * profile for them yet, so no ETSI URI is invented (docs/lote.md). A policy file names them in full.
     */
    public static final String MDL_PROVIDERS_LIST = "urn:qtrust:lote:type:mDLProvidersList";
    public static final String MDL_ISSUANCE = "urn:qtrust:lote:svctype:mDL/Issuance";

    /** The only service statuses TS 119 602 defines (Annex H, Pub-EAA providers). */
    public static final String PUB_EAA_NOTIFIED = "http://uri.etsi.org/19602/PubEAAProvidersList/SvcStatus/notified";
    public static final String PUB_EAA_WITHDRAWN = "http://uri.etsi.org/19602/PubEAAProvidersList/SvcStatus/withdrawn";

    /**
     * QTrust's pseudo status of a service a list gives without ServiceStatus: Annexes D to G forbid
     * the status and mean "listed now" (a withdrawn provider is removed from the next list).
     */
    public static final String LISTED = "urn:qtrust:lote:listed";

    /** The XML namespace of TS 119 602 V1.1.1 lists. */
    public static final String XML_NAMESPACE = "http://uri.etsi.org/019602/v1#";

    private LoteIdentifiers() {
    }

    /** "EUPIDProvidersList" for its URI; the URI itself when it is not a LoTE type URI. */
    public static String shortType(String uri) {
        return uri != null && uri.startsWith(LOTE_TYPE_PREFIX) ? uri.substring(LOTE_TYPE_PREFIX.length()) : uri;
    }

    /** "PID/Issuance" for its URI; the URI itself otherwise. */
    public static String shortServiceType(String uri) {
        return uri != null && uri.startsWith(SERVICE_TYPE_PREFIX) ? uri.substring(SERVICE_TYPE_PREFIX.length()) : uri;
    }

    /** The LoTE type URI for "EUPIDProvidersList"; a URI (or URN) as it is. The reverse of {@link #shortType}. */
    public static String expandType(String nameOrUri) {
        return expand(nameOrUri, LOTE_TYPE_PREFIX);
    }

    /** The service type URI for "PID/Issuance"; a URI (or URN) as it is. The reverse of {@link #shortServiceType}. */
    public static String expandServiceType(String nameOrUri) {
        return expand(nameOrUri, SERVICE_TYPE_PREFIX);
    }

    private static String expand(String nameOrUri, String prefix) {
        String trimmed = nameOrUri.trim();
        return trimmed.contains("://") || trimmed.startsWith("urn:") ? trimmed : prefix + trimmed;
    }

    /** "notified", "withdrawn", "listed" or the whole URI when unknown. */
    public static String shortStatus(String uri) {
        if (LISTED.equals(uri)) {
            return "listed";
        }
        return Optional.ofNullable(uri).filter(u -> u.startsWith("http://uri.etsi.org/19602/"))
                .map(u -> u.substring(u.lastIndexOf('/') + 1)).orElse(uri);
    }
}

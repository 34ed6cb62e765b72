package org.qtrust.core.trustedlist;

import java.util.List;
import java.util.Objects;
import org.qtrust.core.trustedlist.mra.PointerAgreement;

/**
 * An OtherTSLPointer (TS 119 612 §5.3.13): where another list is published, what it is, and
 * which certificates may sign it.
 *
 * @param location  TSLLocation (a URL)
 * @param territory SchemeTerritory of the pointed list (as the list writes it: EL, UK…)
 * @param tslType   TSLType URI of the pointed list
 * @param mimeType  the MimeType additional information (e.g. application/vnd.etsi.tsl+xml), or "" when absent
 * @param signingCertificates the ServiceDigitalIdentities' certificates allowed to sign the pointed list
 * @param agreement the MutualRecognitionAgreementInformation the pointer carries (a third country's list), if any
 */
public record ListPointer(String location, String territory, String tslType, String mimeType,
                          List<ServiceCertificate> signingCertificates, PointerAgreement agreement) {

    public ListPointer {
        Objects.requireNonNull(location);
        Objects.requireNonNull(territory);
        Objects.requireNonNull(tslType);
        Objects.requireNonNull(mimeType);
        signingCertificates = List.copyOf(signingCertificates);
        Objects.requireNonNull(agreement);
    }

    /** A pointer without mutual recognition information. */
    public ListPointer(String location, String territory, String tslType, String mimeType,
                       List<ServiceCertificate> signingCertificates) {
        this(location, territory, tslType, mimeType, signingCertificates, PointerAgreement.NONE);
    }

    /** True when the pointer announces a machine-processable (XML) list rather than its PDF rendering. */
    public boolean isXml() {
        String mime = mimeType.toLowerCase(java.util.Locale.ROOT);
        if (!mime.isEmpty()) {
            return mime.contains("xml");
        }
        return location.toLowerCase(java.util.Locale.ROOT).endsWith(".xml");
    }
}

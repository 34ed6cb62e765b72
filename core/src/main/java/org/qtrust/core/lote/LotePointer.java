package org.qtrust.core.lote;

import java.util.List;
import java.util.Objects;
import org.qtrust.core.trustedlist.ServiceCertificate;

/**
 * An OtherLoTEPointer (TS 119 602 §6.3.13): where a list is published and which certificates
 * may sign it. Once the list holding it is accepted, its signers count for the lists of its
 * type and territory; QTrust does not fetch the location itself (docs/lote.md).
 *
 * @param location  LoTELocation
 * @param loteType  the LoTEType its qualifier announces, or ""
 * @param territory the SchemeTerritory its qualifier announces, or ""
 * @param mimeType  the MimeType its qualifier announces, or ""
 * @param signers   the ServiceDigitalIdentities' certificates
 */
public record LotePointer(String location, String loteType, String territory, String mimeType,
                          List<ServiceCertificate> signers) {

    public LotePointer {
        Objects.requireNonNull(location);
        Objects.requireNonNull(loteType);
        Objects.requireNonNull(territory);
        Objects.requireNonNull(mimeType);
        signers = List.copyOf(signers);
    }
}

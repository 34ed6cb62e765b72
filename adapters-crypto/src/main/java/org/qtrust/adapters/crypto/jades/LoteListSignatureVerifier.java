package org.qtrust.adapters.crypto.jades;

import java.util.List;
import java.util.Objects;
import org.qtrust.core.lote.port.LoteSignatureVerifier;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;

/**
 * The signature of a list of trusted entities in either form (TS 119 602 §6.8): an XML list
 * (first markup '&lt;') by the enveloped-XAdES verifier of trusted lists, which checks any root
 * element; a JSON list by {@link JadesListSignatureVerifier}.
 */
public final class LoteListSignatureVerifier implements LoteSignatureVerifier {

    private final ListSignatureVerifier xades;
    private final JadesListSignatureVerifier jades;

    public LoteListSignatureVerifier(ListSignatureVerifier xades, JadesListSignatureVerifier jades) {
        this.xades = Objects.requireNonNull(xades);
        this.jades = Objects.requireNonNull(jades);
    }

    @Override
    public SignatureCheck verify(ListDocument document, List<ServiceCertificate> expectedSigners) {
        return isXml(document.content()) ? xades.verify(document, expectedSigners) : jades.verify(document, expectedSigners);
    }

    private static boolean isXml(byte[] content) {
        int i = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB ? 3 : 0;
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        return i < content.length && content[i] == '<';
    }
}

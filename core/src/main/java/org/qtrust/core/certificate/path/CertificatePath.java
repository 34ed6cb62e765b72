package org.qtrust.core.certificate.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.SubjectPublicKey;
import org.qtrust.core.certificate.index.ListedKey;

/**
 * A certification path ending at a listed key (RFC 5280 §6.1 with the listed key as trust
 * anchor): {@code certificates.get(0)} is the target, each certificate is signed by the key of
 * the next one, and the last one by the anchor's key. When {@code targetIsListed} the target's
 * own key is the listed key and there is no link to check.
 */
public record CertificatePath(List<CertificateFacts> certificates, ListedKey anchor, boolean targetIsListed) {

    /** One signature on the path: {@code certificate} signed with {@code signerKey}. */
    public record Link(CertificateFacts certificate, SubjectPublicKey signerKey) {
    }

    public CertificatePath {
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(anchor);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a path has at least its target");
        }
    }

    public CertificateFacts target() {
        return certificates.get(0);
    }

    /** The intermediate CA certificates (between the target and the anchor). */
    public List<CertificateFacts> intermediates() {
        return certificates.subList(1, certificates.size());
    }

    /** The signatures on the path, target first. */
    public List<Link> links() {
        if (targetIsListed) {
            return List.of();
        }
        List<Link> links = new ArrayList<>(certificates.size());
        for (int i = 0; i < certificates.size(); i++) {
            SubjectPublicKey signer = i + 1 < certificates.size() ? certificates.get(i + 1).publicKey() : anchor.key();
            links.add(new Link(certificates.get(i), signer));
        }
        return links;
    }
}

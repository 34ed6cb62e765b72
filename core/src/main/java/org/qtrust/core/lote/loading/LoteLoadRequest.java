package org.qtrust.core.lote.loading;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;

/**
 * One list of trusted entities to judge.
 *
 * @param document           the document as obtained (untrusted)
 * @param anchors            the certificates allowed to sign it (configuration; at least one)
 * @param previouslyAccepted lists accepted before (e.g. the cached copy): the one of the same LoTE type and
 *                           territory is the reference, and a lower sequence number than its is a rollback
 * @param validationTime     the instant the list is judged at
 * @param policy             freshness rules (the NextUpdate grace)
 */
public record LoteLoadRequest(ListDocument document, List<ServiceCertificate> anchors,
                              List<ListOfTrustedEntities> previouslyAccepted, Instant validationTime,
                              ListAcceptancePolicy policy) {

    public LoteLoadRequest {
        Objects.requireNonNull(document);
        anchors = requireAnchors(anchors);
        previouslyAccepted = List.copyOf(previouslyAccepted);
        Objects.requireNonNull(validationTime);
        Objects.requireNonNull(policy);
    }

    /** Lists are judged against configured signers only: none is a configuration error, never "trust any". */
    static List<ServiceCertificate> requireAnchors(List<ServiceCertificate> anchors) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("at least one certificate allowed to sign lists of trusted entities is needed");
        }
        return List.copyOf(anchors);
    }

    public static LoteLoadRequest of(ListDocument document, List<ServiceCertificate> anchors, Instant validationTime) {
        return new LoteLoadRequest(document, anchors, List.of(), validationTime, ListAcceptancePolicy.STRICT);
    }

    /** The same request with the lists accepted before as rollback references. */
    public LoteLoadRequest after(List<ListOfTrustedEntities> accepted) {
        return new LoteLoadRequest(document, anchors, accepted, validationTime, policy);
    }
}

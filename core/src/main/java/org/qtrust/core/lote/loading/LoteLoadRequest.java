package org.qtrust.core.lote.loading;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;

/**
 * One list of trusted entities to judge.
 *
 * @param document           the document as obtained (untrusted)
 * @param anchors            the certificates allowed to sign it (configuration; at least one)
 * @param previouslyAccepted the last list of the same type and territory accepted before, when there is one:
 *                           a lower sequence number than its is a rollback
 * @param validationTime     the instant the list is judged at
 * @param policy             freshness rules (the NextUpdate grace)
 */
public record LoteLoadRequest(ListDocument document, List<ServiceCertificate> anchors,
                              Optional<ListOfTrustedEntities> previouslyAccepted, Instant validationTime,
                              ListAcceptancePolicy policy) {

    public LoteLoadRequest {
        Objects.requireNonNull(document);
        anchors = List.copyOf(anchors);
        Objects.requireNonNull(previouslyAccepted);
        Objects.requireNonNull(validationTime);
        Objects.requireNonNull(policy);
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("at least one certificate allowed to sign lists of trusted entities is needed");
        }
    }

    public static LoteLoadRequest of(ListDocument document, List<ServiceCertificate> anchors, Instant validationTime) {
        return new LoteLoadRequest(document, anchors, Optional.empty(), validationTime, ListAcceptancePolicy.STRICT);
    }

    public LoteLoadRequest after(ListOfTrustedEntities accepted) {
        return new LoteLoadRequest(document, anchors, Optional.of(accepted), validationTime, policy);
    }
}

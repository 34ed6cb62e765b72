package org.qtrust.core.lote.loading;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;

/**
 * The configured lists of trusted entities, to be judged in the order given.
 *
 * @param locations          where each list is published (file or URL), in order
 * @param anchors            the certificates allowed to sign them (configuration; at least one)
 * @param previouslyAccepted lists accepted by an earlier load (a refresh): they stay the rollback references
 * @param validationTime     the instant the lists are judged at
 * @param policy             freshness rules (the NextUpdate grace)
 */
public record LoteSourcesRequest(List<String> locations, List<ServiceCertificate> anchors,
                                 List<ListOfTrustedEntities> previouslyAccepted, Instant validationTime,
                                 ListAcceptancePolicy policy) {

    public LoteSourcesRequest {
        locations = List.copyOf(locations);
        anchors = LoteLoadRequest.requireAnchors(anchors);
        previouslyAccepted = List.copyOf(previouslyAccepted);
        Objects.requireNonNull(validationTime);
        Objects.requireNonNull(policy);
    }

    /** The request for one list of these, with the lists accepted so far as references. */
    LoteLoadRequest forDocument(ListDocument document, List<ListOfTrustedEntities> accepted) {
        return new LoteLoadRequest(document, anchors, accepted, validationTime, policy);
    }
}

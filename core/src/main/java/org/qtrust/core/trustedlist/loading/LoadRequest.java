package org.qtrust.core.trustedlist.loading;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ServiceCertificate;

/**
 * What to load and how to judge it.
 *
 * @param listOfLists                 where the LOTL is published
 * @param officialJournalCertificates the LOTL signing certificates published in the Official Journal
 * @param officialJournalUri          the OJ publication those certificates come from, when known: pivots
 *                                    listed after it in the LOTL predate it and are not followed
 * @param validationTime              the instant at which the lists are judged
 * @param policy                      freshness rules
 */
public record LoadRequest(ListLocation listOfLists, List<ServiceCertificate> officialJournalCertificates,
                          Optional<String> officialJournalUri, Instant validationTime, ListAcceptancePolicy policy) {

    public LoadRequest {
        Objects.requireNonNull(listOfLists);
        officialJournalCertificates = List.copyOf(officialJournalCertificates);
        Objects.requireNonNull(officialJournalUri);
        Objects.requireNonNull(validationTime);
        Objects.requireNonNull(policy);
        if (officialJournalCertificates.isEmpty()) {
            throw new IllegalArgumentException("at least one Official Journal certificate is needed to trust a LOTL");
        }
    }
}

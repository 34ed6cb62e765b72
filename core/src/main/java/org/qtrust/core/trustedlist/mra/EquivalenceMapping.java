package org.qtrust.core.trustedlist.mra;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The equivalence of one kind of trust service as it stands from {@code start}: pointed-party
 * service types, statuses and Sie:Q qualifiers and their pointing-party (EU) counterparts, and
 * what certificate content counts as what.
 *
 * @param start                 TrustServiceEquivalenceStatusStartingTime
 * @param status                TrustServiceEquivalenceStatus URI (…/enacted recognises; anything else does not)
 * @param pointingTypes         the pointing party's service types (the EU counterpart; the first is used)
 * @param pointedTypes          the pointed party's service types this mapping covers
 * @param validPointing         the pointing party's statuses a valid pointed status maps to (the first is used)
 * @param validPointed          the pointed party's statuses that count as valid
 * @param invalidPointing       the pointing party's statuses an invalid pointed status maps to (the first is used)
 * @param invalidPointed        the pointed party's statuses that count as invalid
 * @param qualifiers            pointed-party qualifier URI → pointing-party (EU) qualifier URI
 * @param contents              the certificate content equivalences, by context
 */
public record EquivalenceMapping(Instant start, String status, List<ServiceTypeEquivalent> pointingTypes,
                                 List<ServiceTypeEquivalent> pointedTypes, List<String> validPointing,
                                 List<String> validPointed, List<String> invalidPointing, List<String> invalidPointed,
                                 Map<String, String> qualifiers, List<ContentEquivalence> contents) {

    public EquivalenceMapping {
        Objects.requireNonNull(start);
        Objects.requireNonNull(status);
        pointingTypes = List.copyOf(pointingTypes);
        pointedTypes = List.copyOf(pointedTypes);
        validPointing = List.copyOf(validPointing);
        validPointed = List.copyOf(validPointed);
        invalidPointing = List.copyOf(invalidPointing);
        invalidPointed = List.copyOf(invalidPointed);
        qualifiers = Map.copyOf(qualifiers);
        contents = List.copyOf(contents);
        if (pointingTypes.isEmpty() || pointedTypes.isEmpty() || validPointing.isEmpty() || invalidPointing.isEmpty()) {
            throw new IllegalArgumentException("an equivalence maps at least one type and one status each way");
        }
    }

    /** Whether the agreement recognises the services from {@link #start}: an enacted equivalence. */
    public boolean enacted() {
        return status.toLowerCase(Locale.ROOT).endsWith("/enacted");
    }

    /** The pointed-party type entry that a service of this type and AdditionalServiceInformation falls under. */
    public Optional<ServiceTypeEquivalent> covering(String serviceType, List<String> additionalServiceInformation) {
        return pointedTypes.stream()
                .filter(t -> t.type().equals(serviceType)
                        && additionalServiceInformation.containsAll(t.additionalServiceInformation()))
                .findFirst();
    }

    public Optional<ContentEquivalence> content(ContentEquivalence.Context context) {
        return contents.stream().filter(c -> c.context() == context).findFirst();
    }
}

package org.qtrust.core.trustedlist;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ServiceInformationExtensions of a service or history instance that matter for decisions.
 *
 * @param qualifications              Sie:Q qualification elements
 * @param additionalServiceInformation AdditionalServiceInformation URIs (e.g. .../ForeSignatures)
 * @param expiredCertsRevocationInfo  ExpiredCertsRevocationInfo, when given
 * @param unknownCriticalExtensions   names of critical extensions this reader does not understand
 */
public record ServiceInformationExtensions(
        List<Qualification> qualifications,
        List<String> additionalServiceInformation,
        Optional<Instant> expiredCertsRevocationInfo,
        List<String> unknownCriticalExtensions) {

    public static final ServiceInformationExtensions NONE =
            new ServiceInformationExtensions(List.of(), List.of(), Optional.empty(), List.of());

    public ServiceInformationExtensions {
        qualifications = List.copyOf(qualifications);
        additionalServiceInformation = List.copyOf(additionalServiceInformation);
        Objects.requireNonNull(expiredCertsRevocationInfo);
        unknownCriticalExtensions = List.copyOf(unknownCriticalExtensions);
    }
}

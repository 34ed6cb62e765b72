package org.qtrust.core.certificate.qualification;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.certificate.index.ListedService;
import org.qtrust.core.trustedlist.StatusPeriod;

/**
 * The qualification at one instant, the service and status period it was read from, and the
 * rules applied.
 */
public record QualificationOutcome(CertificateQualification qualification, Optional<ListedService> service,
                                   Optional<StatusPeriod> period, List<String> trace) {

    public QualificationOutcome {
        Objects.requireNonNull(qualification);
        Objects.requireNonNull(service);
        Objects.requireNonNull(period);
        trace = List.copyOf(trace);
    }

    public static QualificationOutcome notApplicable(String reason) {
        return new QualificationOutcome(CertificateQualification.NA, Optional.empty(), Optional.empty(), List.of(reason));
    }
}

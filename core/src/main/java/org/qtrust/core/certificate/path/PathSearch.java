package org.qtrust.core.certificate.path;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.certificate.VerdictCode;
import org.qtrust.core.certificate.index.ListedCertificate;

/**
 * The outcome of looking for a path: the path, or why there is none
 * ({@link VerdictCode#ISSUER_NOT_TRUSTED} or {@link VerdictCode#INVALID_CERTIFICATE_CHAIN}),
 * with the steps taken, and — when the certificate is itself a listed service's certificate —
 * that listing ({@code listedAs}), whether or not the path ends at it.
 */
public record PathSearch(Optional<CertificatePath> path, VerdictCode failure, List<String> trace,
                         Optional<ListedCertificate> listedAs) {

    public PathSearch {
        Objects.requireNonNull(path);
        Objects.requireNonNull(failure);
        trace = List.copyOf(trace);
        Objects.requireNonNull(listedAs);
    }

    /** A search for a certificate that is not itself listed. */
    public PathSearch(Optional<CertificatePath> path, VerdictCode failure, List<String> trace) {
        this(path, failure, trace, Optional.empty());
    }

    public boolean found() {
        return path.isPresent();
    }
}

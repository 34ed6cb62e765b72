package org.qtrust.core.certificate.path;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.certificate.VerdictCode;

/**
 * The outcome of looking for a path: the path, or why there is none
 * ({@link VerdictCode#ISSUER_NOT_TRUSTED} or {@link VerdictCode#INVALID_CERTIFICATE_CHAIN}),
 * with the steps taken.
 */
public record PathSearch(Optional<CertificatePath> path, VerdictCode failure, List<String> trace) {

    public PathSearch {
        Objects.requireNonNull(path);
        Objects.requireNonNull(failure);
        trace = List.copyOf(trace);
    }

    public boolean found() {
        return path.isPresent();
    }
}

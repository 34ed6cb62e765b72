package org.qtrust.core.revocation;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RevocationMode} makes of a {@link RevocationOutcome}.
 *
 * @param trusted  whether revocation lets the certificate be trusted
 * @param problem  why not, when not trusted
 * @param warning  a line for the trace when trusted without a revocation answer ({@code prefer})
 */
public record RevocationJudgement(boolean trusted, Optional<RevocationProblem> problem, Optional<String> warning) {

    public RevocationJudgement {
        Objects.requireNonNull(problem);
        Objects.requireNonNull(warning);
        if (trusted == problem.isPresent()) {
            throw new IllegalArgumentException("a judgement is trusted exactly when it has no problem");
        }
    }

    static RevocationJudgement ok() {
        return new RevocationJudgement(true, Optional.empty(), Optional.empty());
    }

    static RevocationJudgement okWithWarning(String warning) {
        return new RevocationJudgement(true, Optional.empty(), Optional.of(warning));
    }

    static RevocationJudgement notTrusted(RevocationProblem problem) {
        return new RevocationJudgement(false, Optional.of(problem), Optional.empty());
    }
}

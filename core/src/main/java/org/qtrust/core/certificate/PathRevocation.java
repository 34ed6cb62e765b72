package org.qtrust.core.certificate;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.certificate.path.CertificatePath;
import org.qtrust.core.revocation.RevocationChecker;
import org.qtrust.core.revocation.RevocationJudgement;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.revocation.RevocationOutcome;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.revocation.RevocationProblem;
import org.qtrust.core.revocation.RevocationQuery;
import org.qtrust.core.transport.OutboundBudget;

/**
 * Checks revocation along a path, link by link, target first: every certificate but the trust
 * anchor is asked about, with the certificate that issued it (the next one on the path, or the
 * listed certificate for the last link). The mode judges the target; an intermediate CA is
 * refused only when an answer says it is revoked — many CA certificates name no OCSP responder
 * or CRL, and their status is then the supervised service's to report, so an unknown status of
 * an intermediate is a warning in the trace, whatever the mode. Used by the certificate decision
 * and, for the chain of a credential issuer found on a list of trusted entities, by the
 * issuer-trust query (issue 13.7: the same check on both paths).
 */
public final class PathRevocation {

    /** The outcome for the target certificate (the one reported) and the judgement of the whole path. */
    public record Result(RevocationOutcome target, Optional<RevocationProblem> problem, List<String> trace) {
    }

    private final RevocationChecker checker;
    private final RevocationPolicy policy;

    public PathRevocation(RevocationChecker checker, RevocationPolicy policy) {
        this.checker = Objects.requireNonNull(checker);
        this.policy = Objects.requireNonNull(policy);
    }

    public Result check(CertificatePath path, RevocationMode mode, Instant time) {
        return check(path, mode, time, Optional.empty(), OutboundBudget.unlimited());
    }

    /**
     * @param expiredCertsRevocationInfo the issuing service's ExpiredCertsRevocationInfo (TS 119 612 §5.5.9.1),
     *                                   which lets evidence produced after a certificate expired still prove it good
     * @param budget                     how long the whole path may wait for fetches (issue 15.1): every link shares it
     */
    public Result check(CertificatePath path, RevocationMode mode, Instant time, Optional<Instant> expiredCertsRevocationInfo,
                 OutboundBudget budget) {
        List<String> trace = new ArrayList<>();
        if (mode == RevocationMode.OFF) {
            RevocationOutcome off = RevocationOutcome.notChecked("revocation: mode off, not checked");
            trace.add("revocation: mode off, not checked");
            return new Result(off, Optional.empty(), trace);
        }
        if (path.targetIsListed()) {
            RevocationOutcome listed = RevocationOutcome.notChecked(
                    "revocation: the certificate's own key is the listed key; its status is the list's to say");
            trace.addAll(listed.trace());
            return new Result(listed, Optional.empty(), trace);
        }
        RevocationQuery query = RevocationQuery.at(time, policy.withMode(mode))
                .withExpiredCertsRevocationInfo(expiredCertsRevocationInfo).withBudget(budget);
        List<CertificateFacts> certificates = path.certificates();
        RevocationOutcome target = null;
        for (int i = 0; i < certificates.size(); i++) {
            CertificateFacts subject = certificates.get(i);
            Optional<CertificateFacts> issuer = i + 1 < certificates.size()
                    ? Optional.of(certificates.get(i + 1)) : path.anchor().certificate();
            String who = i == 0 ? "certificate" : "intermediate " + subject.subject();
            RevocationOutcome outcome = issuer.isPresent()
                    ? checker.check(x509(subject), x509(issuer.get()), query)
                    : RevocationOutcome.unknown(List.of("the list gives only the issuer's key, not its certificate: no OCSP request or CRL check can be built"));
            if (target == null) {
                target = outcome;
            }
            for (String line : outcome.trace()) {
                trace.add("revocation (" + who + "): " + line);
            }
            RevocationJudgement judgement = (i == 0 ? mode : RevocationMode.PREFER).judge(outcome);
            judgement.warning().ifPresent(w -> trace.add("revocation (" + who + "): warning: " + w));
            if (!judgement.trusted()) {
                trace.add("revocation (" + who + "): " + judgement.problem().get().description());
                return new Result(target, judgement.problem(), trace);
            }
            trace.add("revocation (" + who + "): " + outcome.status().code()
                    + outcome.revokedAt().map(at -> " (revoked only later, at " + at + ")").orElse(""));
        }
        return new Result(target, Optional.empty(), trace);
    }

    private static X509Certificate x509(CertificateFacts facts) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(facts.der()));
        } catch (CertificateException e) {
            // The inspector already parsed these bytes: failing here is a bug, not bad input.
            throw new IllegalStateException("a certificate on the path cannot be read by the JDK: " + e.getMessage(), e);
        }
    }
}

package org.qtrust.adapters.ocsp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.qtrust.core.revocation.RevocationOutcome;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.revocation.RevocationReason;
import org.qtrust.core.revocation.RevocationStatus;

/**
 * Turns time-independent {@link Evidence} into the status at the validation time.
 *
 * <ul>
 *   <li>An answer whose thisUpdate lies after the current time (plus tolerance) is refused:
 *       a wrong clock or a forged answer.</li>
 *   <li>Revoked at or before the validation time → revoked, even when the answer is older
 *       than the validation time (a revocation is final), except certificateHold, which may be
 *       lifted and so needs an answer that is current at the validation time.</li>
 *   <li>Revoked after the validation time → good at the validation time; the revocation time
 *       and reason are still reported.</li>
 *   <li>Good → good at the validation time if the answer still covered it: validation time ≤
 *       nextUpdate (or thisUpdate + maximum age when there is no nextUpdate) + tolerance. An
 *       answer produced after the validation time covers it too (not revoked then ⇒ not revoked
 *       before).</li>
 *   <li>Good from evidence dated after the certificate's notAfter → good only when the evidence
 *       still speaks for expired certificates back to that notAfter: the CRL's ExpiredCertsOnCRL,
 *       the OCSP answer's archiveCutoff, or the issuing service's ExpiredCertsRevocationInfo on its
 *       trusted list is at or before notAfter. Otherwise the CA may have dropped the certificate
 *       from its CRL (RFC 5280 §3.3: an entry may be removed after the certificate expires) or its
 *       responder may no longer know it: no answer.</li>
 * </ul>
 */
final class EvidenceJudge {

    private EvidenceJudge() {
    }

    /**
     * The status when the evidence answers the question at the validation time; else empty, with the reason added to the trace.
     *
     * @param certificateNotAfter        the notAfter of the certificate asked about
     * @param expiredCertsRevocationInfo the issuing service's ExpiredCertsRevocationInfo (TS 119 612 §5.5.9.1), if listed
     */
    static Optional<RevocationStatus> judge(Evidence evidence, Instant validationTime, Instant now,
                                             RevocationPolicy policy, Instant certificateNotAfter,
                                             Optional<Instant> expiredCertsRevocationInfo, List<String> trace) {
        String prefix = evidence.source().name() + ": ";
        if (!evidence.isAnswer()) {
            if (evidence.kind() == Evidence.Kind.UNKNOWN_TO_SOURCE) {
                trace.add(prefix + evidence.origin() + " does not know the certificate (status unknown)");
            }
            return Optional.empty();
        }
        Duration tolerance = policy.tolerance();
        Instant thisUpdate = evidence.thisUpdate().orElseThrow();
        if (thisUpdate.isAfter(now.plus(tolerance))) {
            trace.add(prefix + "not accepted: thisUpdate " + thisUpdate + " is in the future (now " + now
                    + ", tolerance " + tolerance + ")");
            return Optional.empty();
        }
        Instant coveredUntil = evidence.nextUpdate()
                .orElseGet(() -> thisUpdate.plus(policy.maxAgeWithoutNextUpdate()));
        boolean current = !validationTime.isAfter(coveredUntil.plus(tolerance));
        String coverage = evidence.nextUpdate().isPresent()
                ? "nextUpdate " + coveredUntil
                : "no nextUpdate; thisUpdate + " + policy.maxAgeWithoutNextUpdate() + " = " + coveredUntil;

        if (evidence.kind() == Evidence.Kind.REVOKED) {
            Instant revokedAt = evidence.revokedAt().orElseThrow();
            String reason = evidence.reason().map(RevocationReason::code).orElse("no reason given");
            if (revokedAt.isAfter(validationTime)) {
                trace.add(prefix + "revoked at " + revokedAt + " (" + reason + "), after the validation time "
                        + validationTime + ": good at the validation time");
                if (evidence.reason().filter(r -> r == RevocationReason.KEY_COMPROMISE).isPresent()) {
                    trace.add(prefix + "note: revoked for keyCompromise; the key may have been compromised before "
                            + "the revocation time");
                }
                return Optional.of(RevocationStatus.GOOD);
            }
            if (evidence.reason().filter(r -> r == RevocationReason.CERTIFICATE_HOLD).isPresent() && !current) {
                trace.add(prefix + "on hold since " + revokedAt + " but the answer is not current at the validation time "
                        + validationTime + " (" + coverage + "): a hold may have been lifted since");
                return Optional.empty();
            }
            trace.add(prefix + "revoked at " + revokedAt + " (" + reason + "), at or before the validation time "
                    + validationTime);
            return Optional.of(RevocationStatus.REVOKED);
        }

        if (!current) {
            trace.add(prefix + "stale: the answer (thisUpdate " + thisUpdate + ", " + coverage
                    + ") does not cover the validation time " + validationTime + " (tolerance " + tolerance + ")");
            return Optional.empty();
        }
        if (thisUpdate.isAfter(certificateNotAfter)
                && !speaksForExpired(evidence, certificateNotAfter, expiredCertsRevocationInfo, prefix, trace)) {
            return Optional.empty();
        }
        trace.add(prefix + "good at the validation time " + validationTime + " (thisUpdate " + thisUpdate + ", "
                + coverage + ")");
        return Optional.of(RevocationStatus.GOOD);
    }

    /**
     * Whether "not listed" in evidence dated after the certificate expired still means "not
     * revoked": the source (ExpiredCertsOnCRL, archiveCutoff) or the trusted list
     * (ExpiredCertsRevocationInfo) must say that expired certificates are kept back to notAfter.
     */
    private static boolean speaksForExpired(Evidence evidence, Instant notAfter, Optional<Instant> listed, String prefix,
                                            List<String> trace) {
        String own = evidence.source() == org.qtrust.core.revocation.RevocationSource.CRL
                ? "ExpiredCertsOnCRL (2.5.29.60)" : "archiveCutoff (RFC 6960 §4.4.4)";
        if (evidence.expiredCertsSince().filter(since -> !since.isAfter(notAfter)).isPresent()) {
            trace.add(prefix + "the answer (thisUpdate " + evidence.thisUpdate().orElseThrow() + ") is later than the "
                    + "certificate's notAfter " + notAfter + ", but its " + own + " " + evidence.expiredCertsSince().get()
                    + " reaches back to it: expired certificates are still answered for");
            return true;
        }
        if (listed.filter(since -> !since.isAfter(notAfter)).isPresent()) {
            trace.add(prefix + "the answer (thisUpdate " + evidence.thisUpdate().orElseThrow() + ") is later than the "
                    + "certificate's notAfter " + notAfter + ", but the issuing service's ExpiredCertsRevocationInfo "
                    + listed.get() + " on its trusted list (TS 119 612 §5.5.9.1) reaches back to it");
            return true;
        }
        trace.add(prefix + "not accepted as proof of good: the answer (thisUpdate " + evidence.thisUpdate().orElseThrow()
                + ") is later than the certificate's notAfter " + notAfter + " and neither its " + own
                + evidence.expiredCertsSince().map(since -> " (" + since + ")").orElse(" (absent)")
                + " nor the trusted list's ExpiredCertsRevocationInfo"
                + listed.map(since -> " (" + since + ")").orElse(" (absent)")
                + " reaches back to it: an expired certificate may have been removed from the CRL or forgotten by the "
                + "responder (RFC 5280 §3.3, RFC 6960 §4.4.4)");
        return false;
    }

    /** The outcome for an accepted answer, with the whole trace. */
    static RevocationOutcome outcome(Evidence evidence, RevocationStatus status, List<String> trace) {
        return new RevocationOutcome(status, true, Optional.of(evidence.source()), evidence.producedAt(),
                evidence.thisUpdate(), evidence.nextUpdate(), evidence.revokedAt(), evidence.reason(), trace);
    }
}

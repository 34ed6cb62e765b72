package org.qtrust.core.certificate.path;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.KeyUsageBit;
import org.qtrust.core.certificate.VerdictCode;
import org.qtrust.core.policy.CryptoConstraints;

/**
 * The rules of RFC 5280 §6.1 on a path whose signatures already verified: validity at the
 * validation time (§6.1.3 (a)(2)), CA basic constraints and keyCertSign for every certificate
 * that signs another (§6.1.4 (k), (n)), path length constraints (§6.1.4 (l), (m)), critical
 * extensions the inspector does not process (§6.1.4 (o)); then the policy's cryptographic
 * constraints on every signature (ETSI TS 119 312). The listed key is the trust anchor: the
 * listed certificate that carries it is not itself checked (RFC 5280 §6.1.1 (d)).
 */
public final class PathValidator {

    /** The first failure (its code) and every rule applied. */
    public record Outcome(VerdictCode code, List<String> trace, List<String> weakSignatures) {
        public Outcome {
            trace = List.copyOf(trace);
            weakSignatures = List.copyOf(weakSignatures);
        }

        public boolean passed() {
            return code == VerdictCode.OK;
        }
    }

    private PathValidator() {
    }

    public static Outcome validate(CertificatePath path, Instant validationTime, CryptoConstraints crypto) {
        List<String> trace = new ArrayList<>();
        VerdictCode code = VerdictCode.OK;
        CertificateFacts target = path.target();

        // RFC 5280 §6.1.3 (a)(2): every certificate of the path is within its validity.
        if (validationTime.isAfter(target.notAfter())) {
            trace.add("validity: the certificate expired at " + target.notAfter() + ", before the validation time "
                    + validationTime + " (RFC 5280 §6.1.3 a2)");
            code = VerdictCode.CERTIFICATE_EXPIRED;
        } else if (validationTime.isBefore(target.notBefore())) {
            trace.add("validity: the certificate is valid only from " + target.notBefore() + ", after the validation time "
                    + validationTime + " (RFC 5280 §6.1.3 a2)");
            code = VerdictCode.CERTIFICATE_NOT_YET_VALID;
        } else {
            trace.add("validity: " + target.notBefore() + " .. " + target.notAfter() + " contains the validation time");
        }
        if (!target.unhandledCriticalExtensions().isEmpty()) {
            trace.add("extensions: critical extension(s) " + target.unhandledCriticalExtensions()
                    + " not processed: the certificate must be rejected (RFC 5280 §4.2)");
            code = first(code, VerdictCode.INVALID_CERTIFICATE_CHAIN);
        }

        List<CertificateFacts> intermediates = path.intermediates();
        int intermediatesBelow = 0;
        for (CertificateFacts ca : intermediates) {
            String name = "intermediate " + ca.subject();
            if (validationTime.isAfter(ca.notAfter()) || validationTime.isBefore(ca.notBefore())) {
                trace.add(name + ": not valid at the validation time (" + ca.notBefore() + " .. " + ca.notAfter()
                        + ", RFC 5280 §6.1.3 a2)");
                code = first(code, VerdictCode.INVALID_CERTIFICATE_CHAIN);
            }
            if (!ca.basicConstraintsPresent() || !ca.isCa()) {
                trace.add(name + ": not a CA (basicConstraints cA is not true, RFC 5280 §6.1.4 k)");
                code = first(code, VerdictCode.INVALID_CERTIFICATE_CHAIN);
            }
            if (ca.keyUsage().isPresent() && !ca.hasKeyUsage(KeyUsageBit.KEY_CERT_SIGN)) {
                trace.add(name + ": keyUsage lacks keyCertSign (RFC 5280 §6.1.4 n)");
                code = first(code, VerdictCode.INVALID_CERTIFICATE_CHAIN);
            }
            if (ca.pathLength() >= 0 && intermediatesBelow > ca.pathLength()) {
                trace.add(name + ": pathLenConstraint " + ca.pathLength() + " allows fewer intermediates than follow it "
                        + "(RFC 5280 §6.1.4 l, m)");
                code = first(code, VerdictCode.INVALID_CERTIFICATE_CHAIN);
            }
            if (!ca.unhandledCriticalExtensions().isEmpty()) {
                trace.add(name + ": critical extension(s) " + ca.unhandledCriticalExtensions() + " not processed (RFC 5280 §6.1.4 o)");
                code = first(code, VerdictCode.INVALID_CERTIFICATE_CHAIN);
            }
            if (!ca.selfIssued()) {
                intermediatesBelow++;
            }
        }
        if (!intermediates.isEmpty() && code == VerdictCode.OK) {
            trace.add("path: " + intermediates.size() + " intermediate(s) are CAs with keyCertSign within their path length and validity");
        }

        List<String> weak = new ArrayList<>();
        for (CertificatePath.Link link : path.links()) {
            Instant at = crypto.at().includesIssuance() ? link.certificate().notBefore() : validationTime;
            Optional<String> violation = crypto.violation(link.certificate().signatureAlgorithm(), link.signerKey(), at);
            if (violation.isPresent()) {
                weak.add(violation.get());
                trace.add("crypto: signature on " + link.certificate().subject() + " — " + violation.get());
                code = first(code, VerdictCode.WEAK_ALGORITHM);
            }
        }
        if (weak.isEmpty() && !path.links().isEmpty()) {
            trace.add("crypto: every signature on the path (" + path.target().signatureAlgorithm().name()
                    + " on the certificate) uses an algorithm and key size that still count");
        }
        return new Outcome(code, trace, weak);
    }

    /** The more serious of two findings: a broken chain, then validity, then algorithms. */
    private static VerdictCode first(VerdictCode current, VerdictCode next) {
        return severity(next) > severity(current) ? next : current;
    }

    private static int severity(VerdictCode code) {
        return switch (code) {
            case INVALID_CERTIFICATE_CHAIN -> 3;
            case CERTIFICATE_EXPIRED, CERTIFICATE_NOT_YET_VALID -> 2;
            case WEAK_ALGORITHM -> 1;
            default -> 0;
        };
    }
}

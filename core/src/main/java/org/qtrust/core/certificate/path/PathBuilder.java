package org.qtrust.core.certificate.path;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.VerdictCode;
import org.qtrust.core.certificate.index.ListedCertificate;
import org.qtrust.core.certificate.index.ListedKey;
import org.qtrust.core.certificate.index.ListedService;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.certificate.SubjectPublicKey;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.policy.KeyLimits;

/**
 * Builds a certification path from a certificate, through the intermediates the caller gives,
 * to a key of the index (RFC 5280 §6.1: the listed key is the trust anchor; TS 119 612 §5.5.3:
 * the service digital identity identifies that key). Intermediates are untrusted input: they
 * only ever extend the path when their own signature chain ends at a listed key.
 *
 * <p>At each step the issuer is searched first among the listed keys (by AuthorityKeyIdentifier
 * and by issuer name, both mere hints), then among the intermediates whose subject is the issuer
 * name or whose key identifier is the AKI. A candidate is taken only when the certificate's
 * signature verifies with its key. Depth-first, shortest path to a listed key first.
 *
 * <p>Work is bounded (issue 14.11, issue 15.3): a key outside the policy's {@link KeyLimits} is
 * never used to verify anything, and at most {@link #MAX_SIGNATURE_CHECKS} signatures are verified
 * per search, whatever the number of listed look-alikes or given intermediates.
 */
public final class PathBuilder {

    /** RFC 5280 sets no limit; real EU paths have at most three intermediates. */
    public static final int MAX_INTERMEDIATES = 6;
    /**
     * Candidate issuers tried per decision: signature verifications at most. Real EU paths need a
     * handful (a few listed keys sharing an issuer name, up to three intermediates).
     */
    public static final int MAX_SIGNATURE_CHECKS = 32;

    private final TrustedServiceIndex index;
    private final CertificateInspector inspector;
    private final KeyLimits limits;

    public PathBuilder(TrustedServiceIndex index, CertificateInspector inspector) {
        this(index, inspector, KeyLimits.defaults());
    }

    public PathBuilder(TrustedServiceIndex index, CertificateInspector inspector, KeyLimits limits) {
        this.index = index;
        this.inspector = inspector;
        this.limits = java.util.Objects.requireNonNull(limits);
    }

    public PathSearch find(CertificateFacts target, List<CertificateFacts> intermediates) {
        List<String> trace = new ArrayList<>();
        // A listed key is not a signature: only the very certificate a service's identity gives
        // (byte for byte) is that service's certificate (TS 119 612 §5.5.3). Any other certificate
        // carrying a listed key is vouched for only by its issuer's signature (RFC 5280 §6.1.3 (a)(1)).
        Optional<ListedCertificate> listed = index.listedCertificate(target);
        if (listed.isPresent()) {
            trace.add("path: the certificate is, byte for byte, the listed certificate of " + describe(listed.get()));
            Optional<CertificatePath> issued = issuedPath(target, intermediates, trace);
            if (issued.isPresent()) {
                return new PathSearch(issued, VerdictCode.OK, trace, listed);
            }
            return new PathSearch(Optional.of(new CertificatePath(List.of(target), listed.get().key(), true)), VerdictCode.OK,
                    trace, listed);
        }
        index.byKey(target.publicKey()).ifPresent(own -> trace.add("path: the certificate carries the key of a listed service ("
                + own.describe() + ") but is not its listed certificate: a listed key is not a signature, the certificate's "
                + "signature must verify under an issuer (RFC 5280 §6.1.3 a1)"));
        Search search = new Search(intermediates, trace);
        List<CertificateFacts> chain = new ArrayList<>();
        chain.add(target);
        Optional<CertificatePath> path = search.extend(chain);
        if (path.isPresent()) {
            CertificatePath found = path.get();
            trace.add("path: " + found.certificates().size() + " certificate(s) to the listed key of "
                    + found.anchor().describe() + ", every signature verified");
            return new PathSearch(path, VerdictCode.OK, trace);
        }
        if (search.exhausted) {
            trace.add("path: stopped after " + MAX_SIGNATURE_CHECKS + " signature verifications, the limit per decision "
                    + "(issue 14.11): no path to a listed key within it");
        }
        if (search.brokenLink) {
            trace.add("path: a given intermediate names itself the issuer but its key did not sign the certificate below it");
            return new PathSearch(Optional.empty(), VerdictCode.INVALID_CERTIFICATE_CHAIN, trace);
        }
        if (search.lookAlike) {
            trace.add("path: a listed service has the issuer's name or key identifier, but its key did not sign the "
                    + "certificate: a look-alike issuer is not trusted (names never suffice, TS 119 612 §5.5.3)");
        } else {
            trace.add("path: no listed service key signed the certificate or any given intermediate");
        }
        return new PathSearch(Optional.empty(), VerdictCode.ISSUER_NOT_TRUSTED, trace);
    }

    /**
     * A listed certificate is still issued by someone: unless it is self-signed (a root is its
     * own anchor), its path to its issuer is built like any certificate's, so that a
     * time-stamping unit, a validation service or an e-delivery seal listed under its own service
     * is qualified through the CA/QC service that issued it (TS 119 615 §4.4 judges a certificate
     * by the services of its issuer). Empty when no listed issuer signed it: it is then judged
     * by its own listing.
     */
    private Optional<CertificatePath> issuedPath(CertificateFacts target, List<CertificateFacts> intermediates, List<String> trace) {
        if (target.selfIssued() && inspector.signatureVerifies(target, target.publicKey())) {
            trace.add("path: it is self-signed: its own listing is its anchor");
            return Optional.empty();
        }
        List<String> steps = new ArrayList<>();
        Search search = new Search(intermediates, steps);
        List<CertificateFacts> chain = new ArrayList<>();
        chain.add(target);
        Optional<CertificatePath> path = search.extend(chain).filter(p -> !p.anchor().key().sameKeyAs(target.publicKey()));
        trace.addAll(steps);
        if (path.isPresent()) {
            trace.add("path: a listed certificate is still issued by someone: " + path.get().certificates().size()
                    + " certificate(s) to the listed key of its issuer " + path.get().anchor().describe()
                    + ", every signature verified; its own listing is kept as listedAs");
        } else {
            trace.add("path: no listed issuer signed it: it is judged by its own listing");
        }
        return path;
    }

    private static String describe(ListedCertificate listed) {
        ListedService first = listed.services().get(0);
        return first.territory() + " / " + first.serviceName()
                + (listed.services().size() > 1 ? " (and " + (listed.services().size() - 1) + " more)" : "");
    }

    private enum Signed { YES, NO, KEY_REFUSED, OUT_OF_BUDGET }

    private final class Search {
        private final List<CertificateFacts> intermediates;
        private final List<String> trace;
        private final Set<String> tried = new HashSet<>();
        private boolean lookAlike;
        private boolean brokenLink;
        private boolean exhausted;
        private int checks;

        Search(List<CertificateFacts> intermediates, List<String> trace) {
            this.intermediates = intermediates;
            this.trace = trace;
        }

        Optional<CertificatePath> extend(List<CertificateFacts> chain) {
            CertificateFacts current = chain.get(chain.size() - 1);
            for (ListedKey candidate : index.issuerCandidates(current)) {
                Signed signed = signed(current, candidate.key(), "listed key of " + candidate.describe());
                if (signed == Signed.YES) {
                    return Optional.of(new CertificatePath(chain, candidate, false));
                }
                if (signed == Signed.OUT_OF_BUDGET) {
                    return Optional.empty();
                }
                if (signed == Signed.KEY_REFUSED) {
                    continue;
                }
                lookAlike = true;
                trace.add("path: listed key of " + candidate.describe() + " matches the issuer of " + current.subject()
                        + " by name or key identifier, but did not sign it");
            }
            if (chain.size() > MAX_INTERMEDIATES) {
                return Optional.empty();
            }
            for (CertificateFacts issuer : intermediates) {
                if (!names(issuer, current) || inChain(chain, issuer) || issuer.equals(current)) {
                    continue;
                }
                Signed signed = signed(current, issuer.publicKey(), "intermediate " + issuer.subject());
                if (signed == Signed.OUT_OF_BUDGET) {
                    return Optional.empty();
                }
                if (signed == Signed.KEY_REFUSED) {
                    continue;
                }
                if (signed == Signed.NO) {
                    brokenLink = true;
                    trace.add("path: intermediate " + issuer.subject() + " did not sign " + current.subject());
                    continue;
                }
                List<ListedService> bare = index.servicesByBareKeyIdentifier(issuer.publicKey());
                if (!bare.isEmpty()) {
                    trace.add("path: the key of intermediate " + issuer.subject()
                            + " has the key identifier a service lists as X509SKI (computed from the key, RFC 5280 §4.2.1.2 (1))");
                    return Optional.of(new CertificatePath(chain, new ListedKey(issuer.publicKey(), Optional.of(issuer), bare), false));
                }
                Optional<ListedKey> listed = index.byKey(issuer.publicKey());
                if (listed.isPresent()) {
                    return Optional.of(new CertificatePath(chain, listed.get(), false));
                }
                if (!tried.add(issuer.sha256() + "<" + current.sha256())) {
                    continue;
                }
                List<CertificateFacts> longer = new ArrayList<>(chain);
                longer.add(issuer);
                Optional<CertificatePath> path = extend(longer);
                if (path.isPresent()) {
                    return path;
                }
            }
            return Optional.empty();
        }

        /**
         * Whether {@code key} signed {@code certificate} — asked only for a key within the policy's
         * limits and while the decision's budget of signature verifications lasts.
         */
        private Signed signed(CertificateFacts certificate, SubjectPublicKey key, String who) {
            Optional<String> refused = limits.violation(key);
            if (refused.isPresent()) {
                trace.add("path: " + who + " not tried: " + refused.get() + " (key limits, refused before any signature "
                        + "is verified)");
                return Signed.KEY_REFUSED;
            }
            if (checks >= MAX_SIGNATURE_CHECKS) {
                exhausted = true;
                return Signed.OUT_OF_BUDGET;
            }
            checks++;
            return inspector.signatureVerifies(certificate, key) ? Signed.YES : Signed.NO;
        }

        private boolean names(CertificateFacts issuer, CertificateFacts subject) {
            if (issuer.subjectKey().equals(subject.issuerKey())) {
                return true;
            }
            Optional<byte[]> aki = subject.authorityKeyIdentifier();
            return aki.isPresent() && (Arrays.equals(aki.get(), issuer.publicKey().keyIdentifier())
                    || issuer.subjectKeyIdentifier().map(ski -> Arrays.equals(ski, aki.get())).orElse(false));
        }

        private boolean inChain(List<CertificateFacts> chain, CertificateFacts candidate) {
            for (CertificateFacts member : chain) {
                if (member.publicKey().sameKeyAs(candidate.publicKey())) {
                    return true;
                }
            }
            return false;
        }
    }
}

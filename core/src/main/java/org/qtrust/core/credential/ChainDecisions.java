package org.qtrust.core.credential;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.certificate.CertificateCheck;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.certificate.VerifyCertificate;

/**
 * Decides {@code x5c} chains. Nothing is remembered here (issue 15.3: no cache keyed by the current
 * instant): a question without {@code at} is about the moment it arrives, so a key made of the chain
 * and the validation time would be new for every request and only push useful entries out. What is
 * costly in a decision and does not depend on the time — decoding each certificate, verifying each
 * signature — is already remembered by the certificate inspector under a digest of its input, so a
 * chain presented again is decided without signature work; and a decision made afresh always sees
 * the revocation evidence and snapshot of its own time.
 */
public final class ChainDecisions {

    /**
     * A decision, the leaf's key (SubjectPublicKeyInfo DER, empty when the leaf is not X.509) and
     * the names its SAN gives (issue 13.2: what {@code iss} may be bound by).
     */
    public record Decided(CertificateVerdict verdict, Optional<byte[]> leafKey, LeafNames leafNames) {
        public Decided(CertificateVerdict verdict, Optional<byte[]> leafKey) {
            this(verdict, leafKey, LeafNames.NONE);
        }
    }

    private final VerifyCertificate decisions;

    public ChainDecisions(VerifyCertificate decisions) {
        this.decisions = Objects.requireNonNull(decisions);
    }

    /**
     * Decides the chain of an x5c header (base64 DER, leaf first) at the validation time.
     *
     * @throws IllegalArgumentException when an entry is not base64
     */
    public Decided decide(List<String> x5c, Instant validationTime) {
        List<byte[]> chain = x5c.stream().map(Base64.getDecoder()::decode).toList();
        CertificateVerdict verdict = decisions.verify(new CertificateCheck(chain.get(0), chain.subList(1, chain.size()), validationTime));
        try {
            // One read of the leaf for its key and its SAN names.
            X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(chain.get(0)));
            return new Decided(verdict, Optional.of(leaf.getPublicKey().getEncoded()), LeafNames.of(leaf));
        } catch (CertificateException | RuntimeException e) {
            return new Decided(verdict, Optional.empty(), LeafNames.NONE);
        }
    }

    public static Optional<byte[]> leafKey(byte[] der) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return Optional.of(certificate.getPublicKey().getEncoded());
        } catch (CertificateException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

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
import org.qtrust.core.cache.BoundedCache;
import org.qtrust.core.cache.Digest;
import org.qtrust.core.certificate.CertificateCheck;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.certificate.VerifyCertificate;

/**
 * Decides {@code x5c} chains and remembers each decision for the same chain at the same
 * validation time: wallets present the same issuer chain over and over, and a decision only
 * depends on the chain, the time and the (fixed) snapshot and policy behind the decision service.
 */
public final class ChainDecisions {

    /** A decision and the leaf's key (SubjectPublicKeyInfo DER), empty when the leaf is not X.509. */
    public record Decided(CertificateVerdict verdict, Optional<byte[]> leafKey) {
    }

    /**
     * What the remembered decisions may weigh together (issue 15 item 3): least recently used
     * first out; keys are digests of the chain and time, never the (possibly large) chain itself.
     */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private final VerifyCertificate decisions;
    private final BoundedCache<Digest, Decided> cache = new BoundedCache<>(MAX_BYTES);

    public ChainDecisions(VerifyCertificate decisions) {
        this.decisions = Objects.requireNonNull(decisions);
    }

    /**
     * Decides the chain of an x5c header; only a chain not decided before is decoded.
     *
     * @throws IllegalArgumentException when an entry is not base64
     */
    public Decided decide(List<String> x5c, Instant validationTime) {
        // What a decision depends on: the chain as the x5c header carries it (base64 DER, leaf first) and the time.
        Digest key = Digest.ofStrings(x5c, validationTime.getEpochSecond(), validationTime.getNano());
        Decided cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        List<byte[]> chain = x5c.stream().map(Base64.getDecoder()::decode).toList();
        CertificateVerdict verdict = decisions.verify(new CertificateCheck(chain.get(0), chain.subList(1, chain.size()), validationTime));
        Decided decided = new Decided(verdict, leafKey(chain.get(0)));
        cache.put(key, decided, weight(decided));
        return decided;
    }

    /** An estimate of what a decision keeps on the heap: its trace dominates. */
    private static long weight(Decided decided) {
        long trace = decided.verdict().trace().stream().mapToLong(line -> 48 + 2L * line.length()).sum();
        return Digest.WEIGHT + 1024 + trace + decided.leafKey().map(key -> key.length).orElse(0);
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

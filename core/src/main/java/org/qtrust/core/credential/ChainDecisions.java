package org.qtrust.core.credential;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    private static final int MAX_ENTRIES = 4096;

    private final VerifyCertificate decisions;
    private final Map<Key, Decided> cache = new ConcurrentHashMap<>();

    public ChainDecisions(VerifyCertificate decisions) {
        this.decisions = Objects.requireNonNull(decisions);
    }

    /** The chain as the x5c header carries it (base64 DER, leaf first), and the time: what a decision depends on. */
    private record Key(List<String> x5c, Instant validationTime) {
    }

    /**
     * Decides the chain of an x5c header; only a chain not decided before is decoded.
     *
     * @throws IllegalArgumentException when an entry is not base64
     */
    public Decided decide(List<String> x5c, Instant validationTime) {
        Key key = new Key(List.copyOf(x5c), validationTime);
        Decided cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        List<byte[]> chain = x5c.stream().map(Base64.getDecoder()::decode).toList();
        CertificateVerdict verdict = decisions.verify(new CertificateCheck(chain.get(0), chain.subList(1, chain.size()), validationTime));
        Decided decided = new Decided(verdict, leafKey(chain.get(0)));
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, decided);
        return decided;
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

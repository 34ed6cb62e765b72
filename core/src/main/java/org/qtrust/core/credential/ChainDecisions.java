package org.qtrust.core.credential;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
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
final class ChainDecisions {

    /** A decision and the leaf's key (SubjectPublicKeyInfo DER), empty when the leaf is not X.509. */
    record Decided(CertificateVerdict verdict, Optional<byte[]> leafKey) {
    }

    private static final int MAX_ENTRIES = 4096;

    private final VerifyCertificate decisions;
    private final Map<String, Decided> cache = new ConcurrentHashMap<>();

    ChainDecisions(VerifyCertificate decisions) {
        this.decisions = Objects.requireNonNull(decisions);
    }

    Decided decide(List<byte[]> chain, Instant validationTime) {
        String key = key(chain, validationTime);
        Decided cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        CertificateVerdict verdict = decisions.verify(new CertificateCheck(chain.get(0), chain.subList(1, chain.size()), validationTime));
        Decided decided = new Decided(verdict, leafKey(chain.get(0)));
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, decided);
        return decided;
    }

    private static Optional<byte[]> leafKey(byte[] der) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return Optional.of(certificate.getPublicKey().getEncoded());
        } catch (CertificateException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String key(List<byte[]> chain, Instant time) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] der : chain) {
                digest.update(java.nio.ByteBuffer.allocate(4).putInt(der.length).array());
                digest.update(der);
            }
            return HexFormat.of().formatHex(digest.digest()) + "@" + time;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}

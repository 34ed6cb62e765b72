package org.qtrust.core.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Hand-built certificate facts for domain tests: no ASN.1, no crypto. */
public final class TestCertificates {

    public static final SignatureAlgorithm SHA256_RSA = new SignatureAlgorithm("1.2.840.113549.1.1.11", "SHA256withRSA", "SHA-256", "RSA");
    public static final SignatureAlgorithm SHA1_RSA = new SignatureAlgorithm("1.2.840.113549.1.1.5", "SHA1withRSA", "SHA-1", "RSA");

    private TestCertificates() {
    }

    /** A key named by a string: distinct names, distinct keys. */
    public static SubjectPublicKey key(String name) {
        byte[] encoded = ("key:" + name).getBytes(StandardCharsets.UTF_8);
        return new SubjectPublicKey(encoded, sha256(encoded), Arrays.copyOf(sha256Bytes(encoded), 20), "RSA", 2048);
    }

    /** An end-entity certificate issued 2018-01-01, valid until 2030, by "CN=Test CA", with its own key. */
    public static CertificateFacts.Builder certificate(String subject) {
        byte[] der = ("cert:" + subject).getBytes(StandardCharsets.UTF_8);
        return CertificateFacts.builder()
                .der(der)
                .sha256(sha256(der))
                .subject(subject, subject.toLowerCase())
                .issuer("CN=Test CA", "cn=test ca")
                .serialNumber("1")
                .validity(Instant.parse("2018-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"))
                .publicKey(key(subject))
                .signatureAlgorithm(SHA256_RSA)
                .subjectAttributeTypes(Set.of("2.5.4.3", "2.5.4.6"))
                .basicConstraints(false, -1)
                .keyUsage(Set.of(KeyUsageBit.DIGITAL_SIGNATURE, KeyUsageBit.NON_REPUDIATION));
    }

    /** QcStatements with QcCompliance, optionally QcSSCD, and the given QcTypes. */
    public static QcStatements qc(boolean compliance, boolean sscd, QcType... types) {
        return new QcStatements(true, compliance, sscd, List.of(types), Arrays.stream(types).map(QcType::oid).toList(),
                List.of(), List.of(), Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), List.of(), Optional.empty());
    }

    public static QcStatements qcWithLegislation(String... countries) {
        return new QcStatements(true, true, false, List.of(), List.of(), List.of(), List.of(countries), Optional.empty(),
                List.of(), List.of(), List.of(), Optional.empty(), List.of(), Optional.empty());
    }

    private static byte[] sha256Bytes(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Bytes(bytes));
    }
}

package org.qtrust.adapters.crypto.certificate;

import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.qtrust.core.certificate.SignatureAlgorithm;

/** Certificate signature algorithm OIDs to what crypto constraints need: the hash and the scheme. */
final class SignatureAlgorithms {

    private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";

    private record Entry(String name, String digest, String scheme) {
    }

    private static final Map<String, Entry> SIGNATURES = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.2", new Entry("MD2withRSA", "MD2", "RSA")),
            Map.entry("1.2.840.113549.1.1.4", new Entry("MD5withRSA", "MD5", "RSA")),
            Map.entry("1.2.840.113549.1.1.5", new Entry("SHA1withRSA", "SHA-1", "RSA")),
            Map.entry("1.3.14.3.2.29", new Entry("SHA1withRSA", "SHA-1", "RSA")),
            Map.entry("1.2.840.113549.1.1.14", new Entry("SHA224withRSA", "SHA-224", "RSA")),
            Map.entry("1.2.840.113549.1.1.11", new Entry("SHA256withRSA", "SHA-256", "RSA")),
            Map.entry("1.2.840.113549.1.1.12", new Entry("SHA384withRSA", "SHA-384", "RSA")),
            Map.entry("1.2.840.113549.1.1.13", new Entry("SHA512withRSA", "SHA-512", "RSA")),
            Map.entry("2.16.840.1.101.3.4.3.13", new Entry("SHA3-224withRSA", "SHA3-224", "RSA")),
            Map.entry("2.16.840.1.101.3.4.3.14", new Entry("SHA3-256withRSA", "SHA3-256", "RSA")),
            Map.entry("2.16.840.1.101.3.4.3.15", new Entry("SHA3-384withRSA", "SHA3-384", "RSA")),
            Map.entry("2.16.840.1.101.3.4.3.16", new Entry("SHA3-512withRSA", "SHA3-512", "RSA")),
            Map.entry("1.3.36.3.3.1.2", new Entry("RIPEMD160withRSA", "RIPEMD160", "RSA")),
            Map.entry("1.2.840.10045.4.1", new Entry("SHA1withECDSA", "SHA-1", "ECDSA")),
            Map.entry("1.2.840.10045.4.3.1", new Entry("SHA224withECDSA", "SHA-224", "ECDSA")),
            Map.entry("1.2.840.10045.4.3.2", new Entry("SHA256withECDSA", "SHA-256", "ECDSA")),
            Map.entry("1.2.840.10045.4.3.3", new Entry("SHA384withECDSA", "SHA-384", "ECDSA")),
            Map.entry("1.2.840.10045.4.3.4", new Entry("SHA512withECDSA", "SHA-512", "ECDSA")),
            Map.entry("2.16.840.1.101.3.4.3.10", new Entry("SHA3-256withECDSA", "SHA3-256", "ECDSA")),
            Map.entry("2.16.840.1.101.3.4.3.11", new Entry("SHA3-384withECDSA", "SHA3-384", "ECDSA")),
            Map.entry("2.16.840.1.101.3.4.3.12", new Entry("SHA3-512withECDSA", "SHA3-512", "ECDSA")),
            Map.entry("0.4.0.127.0.7.1.1.4.1.1", new Entry("SHA1withPLAIN-ECDSA", "SHA-1", "ECDSA")),
            Map.entry("0.4.0.127.0.7.1.1.4.1.3", new Entry("SHA256withPLAIN-ECDSA", "SHA-256", "ECDSA")),
            Map.entry("0.4.0.127.0.7.1.1.4.1.4", new Entry("SHA384withPLAIN-ECDSA", "SHA-384", "ECDSA")),
            Map.entry("0.4.0.127.0.7.1.1.4.1.5", new Entry("SHA512withPLAIN-ECDSA", "SHA-512", "ECDSA")),
            Map.entry("1.2.840.10040.4.3", new Entry("SHA1withDSA", "SHA-1", "DSA")),
            Map.entry("2.16.840.1.101.3.4.3.1", new Entry("SHA224withDSA", "SHA-224", "DSA")),
            Map.entry("2.16.840.1.101.3.4.3.2", new Entry("SHA256withDSA", "SHA-256", "DSA")),
            Map.entry("1.3.101.112", new Entry("Ed25519", "SHA-512", "Ed25519")),
            Map.entry("1.3.101.113", new Entry("Ed448", "SHAKE256", "Ed448")));

    private static final Map<String, String> DIGESTS = Map.of(
            "1.3.14.3.2.26", "SHA-1",
            "2.16.840.1.101.3.4.2.4", "SHA-224",
            "2.16.840.1.101.3.4.2.1", "SHA-256",
            "2.16.840.1.101.3.4.2.2", "SHA-384",
            "2.16.840.1.101.3.4.2.3", "SHA-512",
            "2.16.840.1.101.3.4.2.8", "SHA3-256",
            "2.16.840.1.101.3.4.2.9", "SHA3-384",
            "2.16.840.1.101.3.4.2.10", "SHA3-512");

    private SignatureAlgorithms() {
    }

    static SignatureAlgorithm of(AlgorithmIdentifier identifier) {
        String oid = identifier.getAlgorithm().getId();
        if (RSASSA_PSS.equals(oid)) {
            String digest = "SHA-1"; // RFC 4055 §3.1 default hashAlgorithm
            ASN1Encodable parameters = identifier.getParameters();
            try {
                if (parameters != null) {
                    digest = DIGESTS.getOrDefault(RSASSAPSSparams.getInstance(parameters).getHashAlgorithm().getAlgorithm().getId(), "unknown");
                }
            } catch (IllegalArgumentException e) {
                digest = "unknown";
            }
            return new SignatureAlgorithm(oid, digest.replace("-", "") + "withRSAandMGF1", digest, "RSASSA-PSS");
        }
        Entry entry = SIGNATURES.get(oid);
        if (entry == null) {
            return new SignatureAlgorithm(oid, oid, "unknown", "unknown");
        }
        return new SignatureAlgorithm(oid, entry.name(), entry.digest(), entry.scheme());
    }
}

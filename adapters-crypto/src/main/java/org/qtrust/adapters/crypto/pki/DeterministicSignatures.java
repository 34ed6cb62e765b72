package org.qtrust.adapters.crypto.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.Map;
import org.jose4j.jws.EcdsaUsingShaAlgorithm;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Signatures whose bytes depend only on the key and the data: ECDSA with the nonce derived
 * from both (RFC 6979, Bouncy Castle's deterministic ECDSA), RSA PKCS#1 v1.5 as is. So the same
 * keys sign the same lists, certificates and CRLs byte for byte, and fixtures are reproducible.
 *
 * <p>The provider answers to the JCA names the JDK's XML-DSig engine and Bouncy Castle's
 * builders ask for ({@code SHA256withECDSA}…). It is handed to them explicitly and never
 * registered with {@link java.security.Security}.
 */
public final class DeterministicSignatures {

    private static final String EC_SPI = "org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi$";
    private static final String RSA_SPI = "org.bouncycastle.jcajce.provider.asymmetric.rsa.DigestSignatureSpi$";

    private static final Provider PROVIDER = new DeterministicProvider();

    private DeterministicSignatures() {
    }

    /** The provider to pass to a JCA consumer (e.g. the XML-DSig sign context property). */
    public static Provider provider() {
        return PROVIDER;
    }

    /** SHA256withECDSA or SHA256withRSA, by the key's type. */
    public static String defaultAlgorithm(PrivateKey key) {
        return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    /** A Bouncy Castle content signer for certificates, CRLs and OCSP responses. */
    public static ContentSigner signer(PrivateKey key, String algorithm) {
        try {
            return new JcaContentSignerBuilder(algorithm).setProvider(PROVIDER).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + algorithm + ": " + e.getMessage(), e);
        }
    }

    /** JWS algorithm → JCA signature name and, for ECDSA, the length of the JOSE (r‖s) encoding (RFC 7518 §3.4). */
    private record JwsAlgorithm(String jcaName, int concatenatedLength) {
    }

    private static final Map<String, JwsAlgorithm> JWS_ALGORITHMS = Map.of(
            "ES256", new JwsAlgorithm("SHA256withECDSA", 64), "ES384", new JwsAlgorithm("SHA384withECDSA", 96),
            "ES512", new JwsAlgorithm("SHA512withECDSA", 132), "RS256", new JwsAlgorithm("SHA256withRSA", 0),
            "RS384", new JwsAlgorithm("SHA384withRSA", 0), "RS512", new JwsAlgorithm("SHA512withRSA", 0));

    /**
     * The JWS signature (RFC 7515 §5.1) over {@code signingInput} ({@code header.payload}): ESxxx by
     * RFC 6979 ECDSA in the JOSE r‖s form, RSxxx by PKCS#1 v1.5. Other algorithms (PS, EdDSA) are refused.
     */
    public static byte[] jwsSignature(PrivateKey key, String jwsAlgorithm, String signingInput) {
        return jwsSignature(key, jwsAlgorithm, signingInput.getBytes(StandardCharsets.US_ASCII));
    }

    /** The same over bytes (a COSE Sig_structure: ES256/384/512 in the same r‖s form, RFC 9053 §2.1). */
    public static byte[] jwsSignature(PrivateKey key, String jwsAlgorithm, byte[] signingInput) {
        JwsAlgorithm algorithm = JWS_ALGORITHMS.get(jwsAlgorithm);
        if (algorithm == null) {
            throw new IllegalArgumentException("no deterministic signature for the JWS algorithm " + jwsAlgorithm);
        }
        ContentSigner signer = signer(key, algorithm.jcaName());
        try {
            try (OutputStream out = signer.getOutputStream()) {
                out.write(signingInput);
            }
            byte[] signature = signer.getSignature();
            return algorithm.concatenatedLength() == 0 ? signature
                    : EcdsaUsingShaAlgorithm.convertDerToConcatenated(signature, algorithm.concatenatedLength());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class DeterministicProvider extends Provider {
        private static final long serialVersionUID = 1L;

        DeterministicProvider() {
            super("QTrustDeterministic", "1.0", "RFC 6979 ECDSA and PKCS#1 v1.5 RSA signatures (Bouncy Castle)");
            put("Signature.SHA1withECDSA", EC_SPI + "ecDetDSA");
            put("Signature.SHA256withECDSA", EC_SPI + "ecDetDSA256");
            put("Signature.SHA384withECDSA", EC_SPI + "ecDetDSA384");
            put("Signature.SHA512withECDSA", EC_SPI + "ecDetDSA512");
            put("Signature.SHA1withRSA", RSA_SPI + "SHA1");
            put("Signature.SHA256withRSA", RSA_SPI + "SHA256");
            put("Signature.SHA384withRSA", RSA_SPI + "SHA384");
            put("Signature.SHA512withRSA", RSA_SPI + "SHA512");
        }
    }
}

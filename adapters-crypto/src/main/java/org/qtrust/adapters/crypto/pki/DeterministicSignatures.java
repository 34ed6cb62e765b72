package org.qtrust.adapters.crypto.pki;

import java.security.PrivateKey;
import java.security.Provider;
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

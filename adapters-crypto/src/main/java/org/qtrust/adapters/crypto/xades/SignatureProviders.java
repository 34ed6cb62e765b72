package org.qtrust.adapters.crypto.xades;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Picks the JCA provider that checks a signature value. The JDK does RSA and ECDSA on the NIST
 * curves; since JDK 16 it no longer does ECDSA on other curves (Brainpool, used by some lists),
 * although it still parses such keys. For those keys only, this hands the XML-DSig engine a
 * private Bouncy Castle instance through the JDK's per-validation property
 * {@code org.jcp.xml.dsig.internal.dom.SignatureProvider}. Bouncy Castle is never registered
 * with {@link java.security.Security}, so no other code in the process changes provider.
 */
final class SignatureProviders {

    /** Read by the JDK's DOMSignatureMethod when it creates the {@link java.security.Signature}. */
    static final String CONTEXT_PROPERTY = "org.jcp.xml.dsig.internal.dom.SignatureProvider";

    private static final ASN1ObjectIdentifier EC_PUBLIC_KEY = X9ObjectIdentifiers.id_ecPublicKey;
    private static final Set<ASN1ObjectIdentifier> JDK_CURVES = Set.of(
            SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1, SECObjectIdentifiers.secp521r1);

    private SignatureProviders() {
    }

    /** A key and, when the JDK cannot verify with it, the provider that can. */
    record VerificationKey(PublicKey key, Optional<Provider> provider) {
    }

    static VerificationKey forKey(PublicKey key) {
        if (!"EC".equals(key.getAlgorithm())) {
            return new VerificationKey(key, Optional.empty());
        }
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            if (!EC_PUBLIC_KEY.equals(info.getAlgorithm().getAlgorithm())) {
                return new VerificationKey(key, Optional.empty());
            }
            ASN1Encodable parameters = info.getAlgorithm().getParameters();
            if (parameters instanceof ASN1ObjectIdentifier curve && JDK_CURVES.contains(curve)) {
                return new VerificationKey(key, Optional.empty());
            }
            Provider bouncyCastle = BouncyCastle.INSTANCE;
            PublicKey converted = KeyFactory.getInstance("EC", bouncyCastle)
                    .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
            return new VerificationKey(converted, Optional.of(bouncyCastle));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Leave the key to the JDK: verification then fails with the JDK's own reason.
            return new VerificationKey(key, Optional.empty());
        }
    }

    /** Created on first need only: building the provider's tables takes a noticeable moment. */
    private static final class BouncyCastle {
        static final Provider INSTANCE = new BouncyCastleProvider();
    }
}

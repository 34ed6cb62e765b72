package org.qtrust.adapters.crypto.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.io.MacOutputStream;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.MacCalculator;
import org.bouncycastle.pkcs.PKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;

/**
 * A PKCS#12 keystore holding one trusted certificate, written byte for byte the same from the same
 * inputs: the JDK's {@code KeyStore.store} draws a fresh MAC salt each time, so the sandbox builds
 * the file itself — the certificate bag unencrypted (a certificate is public), marked as a trusted
 * entry the way the JDK marks one (Oracle's trusted key usage attribute, any purpose), and an
 * HMAC-SHA256 integrity MAC (RFC 7292 appendix B key derivation) whose salt the caller derives.
 */
final class TrustedCertificateKeystore {

    /** The attribute the JDK's PKCS12KeyStore reads to expose a certificate without a key as a trusted entry. */
    private static final ASN1ObjectIdentifier ORACLE_TRUSTED_KEY_USAGE = new ASN1ObjectIdentifier("2.16.840.1.113894.746875.1.1");
    private static final int ITERATIONS = 10_000;

    private TrustedCertificateKeystore() {
    }

    static byte[] of(String alias, X509Certificate certificate, char[] password, byte[] macSalt) {
        try {
            JcaPKCS12SafeBagBuilder bag = new JcaPKCS12SafeBagBuilder(certificate);
            bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(alias));
            bag.addBagAttribute(ORACLE_TRUSTED_KEY_USAGE, KeyPurposeId.anyExtendedKeyUsage.toOID()); // the builder puts it in the attribute's SET
            return new PKCS12PfxPduBuilder().addData(bag.build()).build(hmacSha256(macSalt.clone()), password).getEncoded();
        } catch (IOException | PKCSException e) {
            throw new IllegalStateException("cannot write the keystore: " + e.getMessage(), e);
        }
    }

    private static PKCS12MacCalculatorBuilder hmacSha256(byte[] salt) {
        AlgorithmIdentifier sha256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);
        return new PKCS12MacCalculatorBuilder() {
            @Override
            public AlgorithmIdentifier getDigestAlgorithmIdentifier() {
                return sha256;
            }

            @Override
            public MacCalculator build(char[] password) {
                PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(new SHA256Digest());
                generator.init(PBEParametersGenerator.PKCS12PasswordToBytes(password), salt, ITERATIONS);
                KeyParameter key = (KeyParameter) generator.generateDerivedMacParameters(256);
                HMac hmac = new HMac(new SHA256Digest());
                hmac.init(key);
                AlgorithmIdentifier parameters = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, new PKCS12PBEParams(salt, ITERATIONS));
                return new MacCalculator() {
                    @Override
                    public AlgorithmIdentifier getAlgorithmIdentifier() {
                        return parameters;
                    }

                    @Override
                    public OutputStream getOutputStream() {
                        return new MacOutputStream(hmac);
                    }

                    @Override
                    public byte[] getMac() {
                        byte[] mac = new byte[hmac.getMacSize()];
                        hmac.doFinal(mac, 0);
                        return mac;
                    }

                    @Override
                    public GenericKey getKey() {
                        return new GenericKey(parameters, key.getKey());
                    }
                };
            }
        };
    }
}

package org.qtrust.adapters.crypto.pki;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * EC P-256 key pairs derived from a seed and a name: the private scalar is HMAC-SHA256(seed,
 * name) reduced into [1, n-1]. The same seed and name always give the same key, so a sandbox
 * built twice from one seed holds the same keys. For test and demonstration data only: the
 * seed is the whole secret.
 */
public final class SeededKeys {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECParameterSpec JCA_CURVE = jcaCurve();

    private final byte[] seed;
    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();

    private SeededKeys(byte[] seed) {
        this.seed = seed.clone();
    }

    public static SeededKeys fromSeed(long seed) {
        return new SeededKeys(BigInteger.valueOf(seed).toByteArray());
    }

    /** The key pair named {@code name}; computed once per instance. */
    public KeyPair ecKey(String name) {
        return keys.computeIfAbsent(name, this::derive);
    }

    /**
     * 32 bytes derived from the seed for another purpose than a key (e.g. the salts of a sandbox
     * credential): HMAC-SHA256(seed, "secret:" + name), never equal to a key's scalar input.
     */
    public byte[] secret(String name) {
        return hmac("secret:" + name);
    }

    private byte[] hmac(String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed.length == 0 ? new byte[1] : seed, "HmacSHA256"));
            return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private KeyPair derive(String name) {
        try {
            BigInteger order = CURVE.getN();
            BigInteger scalar = new BigInteger(1, hmac(name)).mod(order.subtract(BigInteger.ONE)).add(BigInteger.ONE);
            org.bouncycastle.math.ec.ECPoint point = CURVE.getG().multiply(scalar).normalize();
            KeyFactory factory = KeyFactory.getInstance("EC");
            return new KeyPair(
                    factory.generatePublic(new ECPublicKeySpec(new ECPoint(point.getAffineXCoord().toBigInteger(),
                            point.getAffineYCoord().toBigInteger()), JCA_CURVE)),
                    factory.generatePrivate(new ECPrivateKeySpec(scalar, JCA_CURVE)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the key " + name, e);
        }
    }

    private static ECParameterSpec jcaCurve() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no P-256", e);
        }
    }
}

package org.qtrust.adapters.crypto.issuance;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the salts of SD-JWT disclosures and decoy digests come from (RFC 9901 §4.2.1: at least
 * 128 bits, unpredictable to anyone who might guess a disclosed value). Real issuance draws them
 * at random; a sandbox derives them from its seed so that it can be rebuilt byte for byte — its
 * seed is public, so such salts hide nothing and are for test data only.
 */
@FunctionalInterface
public interface Salts {

    int BYTES = 16;

    /** The next salt, base64url without padding. */
    String next();

    /** 128 random bits from a {@link SecureRandom} per salt. */
    static Salts random() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[BYTES];
            random.nextBytes(bytes);
            return encode(bytes);
        };
    }

    /**
     * The n-th salt is the first 128 bits of HMAC-SHA256({@code secret}, n): the same secret gives
     * the same salts in the same order. Not thread-safe; one per issued credential.
     */
    static Salts derivedFrom(byte[] secret) {
        SecretKeySpec key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        long[] counter = {0};
        return () -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                byte[] block = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter[0]++).array());
                return encode(Arrays.copyOf(block, BYTES));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        };
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

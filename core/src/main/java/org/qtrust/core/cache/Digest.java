package org.qtrust.core.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * A SHA-256 digest of a cache's input, used as its key: 32 bytes kept instead of the input
 * (a certificate chain, a presentation) however large the input was. Distinct inputs get
 * distinct keys (collisions are not a practical concern for SHA-256); each part's length is
 * hashed before it, so ["ab","c"] and ["a","bc"] differ.
 */
public final class Digest {

    /** What one key costs on the heap, for cache weights. */
    public static final int WEIGHT = 80;

    private final byte[] value;
    private final int hash;

    private Digest(byte[] value) {
        this.value = value;
        this.hash = Arrays.hashCode(value);
    }

    public static Digest of(byte[] input) {
        MessageDigest sha256 = sha256();
        sha256.update(input);
        return new Digest(sha256.digest());
    }

    /** The digest of several parts and, when given, a time in milliseconds (e.g. an explicit validation time). */
    public static Digest ofStrings(List<String> parts, long... numbers) {
        MessageDigest sha256 = sha256();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(length(bytes.length));
            sha256.update(bytes);
        }
        for (long number : numbers) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                sha256.update((byte) (number >>> shift));
            }
        }
        return new Digest(sha256.digest());
    }

    private static byte[] length(int length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Digest digest && MessageDigest.isEqual(value, digest.value);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder hex = new StringBuilder(64);
        for (byte b : value) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }
}

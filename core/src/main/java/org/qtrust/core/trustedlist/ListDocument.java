package org.qtrust.core.trustedlist;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** The raw bytes of a list document and where they came from. Untrusted until verified. */
public record ListDocument(String location, byte[] content) {

    public ListDocument {
        Objects.requireNonNull(location);
        Objects.requireNonNull(content);
    }

    public int size() {
        return content.length;
    }

    /** SHA-256 of the bytes, lower-case hex: how caches tell one copy from another. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

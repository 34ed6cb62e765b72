package org.qtrust.core.credential.status;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A status list (draft-ietf-oauth-status-list §4): {@code bits} (1, 2, 4 or 8) per referenced
 * token, packed from the least significant bit of byte 0 upwards; as JSON, {@code lst} is the
 * base64url (no padding) of the ZLIB-compressed bytes.
 */
public final class StatusList {

    /** Status values of §7.1. */
    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int SUSPENDED = 2;

    /** The largest decompressed list accepted: 16 MiB (a decompression bomb stops here). */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private final int bits;
    private final byte[] bytes;

    private StatusList(int bits, byte[] bytes) {
        this.bits = bits;
        this.bytes = bytes;
    }

    public static StatusList of(int bits, byte[] bytes) {
        if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
            throw new IllegalArgumentException("bits must be 1, 2, 4 or 8, not " + bits);
        }
        return new StatusList(bits, Objects.requireNonNull(bytes).clone());
    }

    /**
     * Decodes {@code lst}.
     *
     * @throws IllegalArgumentException when it is not base64url of ZLIB data within {@link #MAX_BYTES}
     */
    public static StatusList decode(int bits, String lst) {
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(lst);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lst is not base64url");
        }
        return inflate(bits, compressed);
    }

    /**
     * Decodes the ZLIB-compressed bytes of a list (as CBOR carries {@code lst}, §4.3: a byte string).
     *
     * @throws IllegalArgumentException when it is not ZLIB data within {@link #MAX_BYTES}
     */
    public static StatusList inflate(int bits, byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(MAX_BYTES, compressed.length * 4 + 16));
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("lst is truncated ZLIB data");
                }
                if (out.size() + n > MAX_BYTES) {
                    throw new IllegalArgumentException("lst decompresses to more than " + MAX_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return of(bits, out.toByteArray());
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("lst is not ZLIB data");
        } finally {
            inflater.end();
        }
    }

    public int bits() {
        return bits;
    }

    /** How many statuses the list holds. */
    public long size() {
        return (long) bytes.length * 8 / bits;
    }

    /** The status at {@code index}, empty when the list is shorter. */
    public OptionalInt status(long index) {
        if (index < 0 || index >= size()) {
            return OptionalInt.empty();
        }
        long bit = index * bits;
        int value = (bytes[(int) (bit / 8)] & 0xff) >>> (int) (bit % 8);
        return OptionalInt.of(value & ((1 << bits) - 1));
    }
}

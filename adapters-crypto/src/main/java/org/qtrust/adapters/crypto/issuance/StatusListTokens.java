package org.qtrust.adapters.crypto.issuance;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Makes Status List Tokens (draft-ietf-oauth-status-list §5.1): a JWT of {@code typ}
 * statuslist+jwt whose {@code status_list} packs {@code bits} per entry from the least
 * significant bit of byte 0, ZLIB-compressed and base64url-encoded as {@code lst}.
 */
public final class StatusListTokens {

    private StatusListTokens() {
    }

    /** {@code lst} for these statuses. */
    public static String lst(int bits, int... statuses) {
        byte[] bytes = new byte[(statuses.length * bits + 7) / 8];
        for (int i = 0; i < statuses.length; i++) {
            int bit = i * bits;
            bytes[bit / 8] |= (byte) ((statuses[i] & ((1 << bits) - 1)) << (bit % 8));
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** A signed token for the list published at {@code uri} (its {@code sub}). */
    public static String token(JwsSigner signer, String uri, Instant issuedAt, Instant expires, int bits, int... statuses) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", uri);
        claims.put("iat", issuedAt.getEpochSecond());
        if (expires != null) {
            claims.put("exp", expires.getEpochSecond());
        }
        Map<String, Object> list = new LinkedHashMap<>(); // member order fixed, so the token's bytes are too
        list.put("bits", bits);
        list.put("lst", lst(bits, statuses));
        claims.put("status_list", list);
        return signer.sign("statuslist+jwt", Map.of(), claims);
    }
}

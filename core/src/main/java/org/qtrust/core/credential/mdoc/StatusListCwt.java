package org.qtrust.core.credential.mdoc;

import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.credential.mdoc.cbor.CborLimits;
import org.qtrust.core.credential.mdoc.cbor.MalformedCborException;
import org.qtrust.core.credential.mdoc.port.CborCodec;
import org.qtrust.core.credential.status.StatusList;

/**
 * A Status List Token in its CWT form (draft-ietf-oauth-status-list §5.2; RFC 8392 CWT on RFC 9052
 * COSE_Sign1), read but not yet verified: the protected header's {@code typ} (label 16, RFC 9596)
 * is {@code application/statuslist+cwt}; the claims are {@code sub} (2) — the status list's URI —,
 * {@code iat} (6), optionally {@code exp} (4) and {@code ttl} (65534), and {@code status_list}
 * (65533) = {@code {"bits": 1|2|4|8, "lst": bstr}}, the ZLIB-compressed list as a byte string
 * (§4.3). A CWT tag (61) and a COSE_Sign1 tag (18) are both accepted around it. The token comes
 * as its bytes, or as a fetched token string (base64url of the bytes, see
 * {@code StatusListFetch.Fetched}).
 *
 * @param sign1     the COSE_Sign1 (its algorithm, x5chain and signature)
 * @param subject   the {@code sub} claim
 * @param issuedAt  the {@code iat} claim
 * @param expires   the {@code exp} claim, if any
 * @param ttl       the {@code ttl} claim in seconds, if any
 * @param bits      bits per status
 * @param lst       the compressed list
 */
public record StatusListCwt(CoseSign1 sign1, String subject, Instant issuedAt, Optional<Instant> expires, Optional<Long> ttl,
                            int bits, byte[] lst) {

    public static final String TYPE = "application/statuslist+cwt";
    /** RFC 9596: the COSE {@code typ} header parameter. */
    public static final long TYP = 16;
    /** RFC 8392 §3.1 claim keys. */
    public static final long SUB = 2;
    public static final long EXP = 4;
    public static final long IAT = 6;
    /** draft-ietf-oauth-status-list §5.2 / IANA CWT claims. */
    public static final long TTL = 65534;
    public static final long STATUS_LIST = 65533;
    /** RFC 8392 §6: the CWT tag. */
    public static final long CWT_TAG = 61;
    /** The latest NumericDate accepted (9999-12-31T23:59:59Z), as for JWTs. */
    private static final long MAX_SECONDS = 253_402_300_799L;

    public StatusListCwt {
        Objects.requireNonNull(sign1);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(issuedAt);
        Objects.requireNonNull(expires);
        Objects.requireNonNull(ttl);
        lst = lst.clone();
    }

    @Override
    public byte[] lst() {
        return lst.clone();
    }

    /** Whether a fetched token string holds a CWT (base64url, never the dots of a compact JWS). */
    public static boolean isCwtToken(String token) {
        return !token.isEmpty() && token.indexOf('.') < 0;
    }

    /** The fetched token string of CWT bytes. */
    public static String token(byte[] cwt) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cwt);
    }

    /** Reads a fetched token string (base64url of the CWT). */
    public static StatusListCwt read(String token, CborCodec codec) throws MalformedCborException {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new MalformedCborException("it is neither a compact JWT nor base64url of a CWT");
        }
        return read(bytes, codec);
    }

    public static StatusListCwt read(byte[] bytes, CborCodec codec) throws MalformedCborException {
        Cbor top = codec.decode(bytes, CborLimits.ENVELOPE);
        if (top instanceof Cbor.Tagged tagged && tagged.tag() == CWT_TAG) {
            top = tagged.value();
        }
        CoseSign1 sign1 = CoseSign1.read(top, codec, "the status list CWT");
        Optional<Cbor> typ = sign1.protectedHeader().get(TYP);
        if (typ.isEmpty() || !(typ.get() instanceof Cbor.Text text) || !mediaType(text.value()).equals("statuslist+cwt")) {
            throw new MalformedCborException("its protected typ (label 16) is " + typ.map(Object::toString).orElse("(none)")
                    + ", not " + TYPE);
        }
        byte[] payload = sign1.payload().orElseThrow(() -> new MalformedCborException("it has no payload (the claims)"));
        Cbor.Map claims = CborRead.map(codec.decode(payload, CborLimits.EMBEDDED), "its claims");
        String subject = CborRead.text(claims.get(SUB).orElseThrow(() -> new MalformedCborException("it has no sub (2)")), "sub");
        Instant issuedAt = numericDate(claims.get(IAT).orElseThrow(() -> new MalformedCborException("it has no iat (6)")), "iat");
        Optional<Instant> expires = claims.get(EXP).isPresent() ? Optional.of(numericDate(claims.get(EXP).get(), "exp")) : Optional.empty();
        Optional<Long> ttl = claims.get(TTL).isPresent() ? Optional.of(CborRead.unsigned(claims.get(TTL).get(), "ttl")) : Optional.empty();
        Cbor.Map list = CborRead.map(claims.get(STATUS_LIST).orElseThrow(() -> new MalformedCborException("it has no status_list (65533)")),
                "status_list");
        long bits = CborRead.unsigned(CborRead.required(list, "bits", "status_list"), "bits");
        if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
            throw new MalformedCborException("status_list bits is " + bits + ", not 1, 2, 4 or 8");
        }
        byte[] lst = CborRead.bytes(CborRead.required(list, "lst", "status_list"), "lst (a byte string in CBOR, §4.3)");
        return new StatusListCwt(sign1, subject, issuedAt, expires, ttl, (int) bits, lst);
    }

    /** The decompressed list. */
    public StatusList list() {
        return StatusList.inflate(bits, lst);
    }

    /** RFC 8392 §2: NumericDate, an integer or a float of seconds (without tag 1), here 1970..9999. */
    private static Instant numericDate(Cbor value, String what) throws MalformedCborException {
        double seconds;
        if (value instanceof Cbor.Int i) {
            seconds = i.value();
        } else if (value instanceof Cbor.Float f && Double.isFinite(f.value())) {
            seconds = f.value();
        } else {
            throw new MalformedCborException(what + " is not a NumericDate");
        }
        if (seconds < 0 || seconds > MAX_SECONDS) {
            throw new MalformedCborException(what + " is not a NumericDate between 1970 and 9999");
        }
        return Instant.ofEpochSecond((long) seconds);
    }

    /** "statuslist+cwt" for "application/statuslist+cwt" (RFC 9596 follows RFC 7515 §4.1.9: the prefix may be left out). */
    private static String mediaType(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/") ? lower.substring("application/".length()) : lower;
    }
}

package org.qtrust.core.credential;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qtrust.core.credential.port.MalformedTokenException;

/**
 * The strict reading of JOSE and SD-JWT VC that every token of a presentation gets (issue 13.5):
 * media types as RFC 7515 §4.1.9 compares them, {@code crit} as §4.1.11 demands, NumericDates as
 * RFC 7519 §2 defines them (and nothing a clock cannot hold), and the claims an SD-JWT VC must
 * not disclose selectively (draft-ietf-oauth-sd-jwt-vc §3.2.2.2).
 */
public final class JoseRules {

    /** draft-ietf-oauth-sd-jwt-vc §3.2.2.2: these claims must not be selectively disclosed. */
    static final Set<String> NOT_DISCLOSABLE = Set.of("iss", "nbf", "exp", "cnf", "vct", "vct#integrity", "status");
    /** The header parameters this verifier understands as extensions: none, so any {@code crit} member is unknown. */
    static final Set<String> UNDERSTOOD_EXTENSIONS = Set.of();
    /** 9999-12-31T23:59:59Z: no NumericDate beyond it is a date anyone means. */
    static final long LAST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private JoseRules() {
    }

    /**
     * RFC 7515 §4.1.9: a {@code typ} without '/' means {@code application/<typ>}, and media types
     * compare case-insensitively (RFC 2045 §5.1), so {@code application/dc+sd-jwt} is {@code dc+sd-jwt}.
     *
     * @return the type without the {@code application/} prefix, lower case
     */
    public static Optional<String> mediaType(Optional<String> typ) {
        return typ.map(t -> {
            String lower = t.trim().toLowerCase(Locale.ROOT);
            return lower.startsWith("application/") ? lower.substring("application/".length()) : lower;
        });
    }

    /**
     * RFC 7515 §4.1.11: a {@code crit} header is a non-empty array of names of extension header
     * parameters present in the header; a recipient that does not understand one must reject the JWS.
     */
    public static void critical(Map<String, Object> header, String what) throws MalformedTokenException {
        if (!header.containsKey("crit")) {
            return;
        }
        if (!(header.get("crit") instanceof List<?> names) || names.isEmpty()) {
            throw new MalformedTokenException(what + " crit is not a non-empty array (RFC 7515 §4.1.11)");
        }
        for (Object name : names) {
            if (!(name instanceof String text) || !header.containsKey(text)) {
                throw new MalformedTokenException(what + " crit names " + name + ", which is not a header parameter it carries (RFC 7515 §4.1.11)");
            }
            if (!UNDERSTOOD_EXTENSIONS.contains(text)) {
                throw new MalformedTokenException(what + " crit names " + text
                        + ", an extension this verifier does not understand: the JWS must be rejected (RFC 7515 §4.1.11)");
            }
        }
    }

    /**
     * RFC 7519 §2: a NumericDate is a JSON number of seconds since the epoch (fractions allowed).
     * Not a number, negative, or beyond year 9999 → malformed (never an arithmetic exception).
     */
    public static Optional<Instant> numericDate(Map<String, Object> claims, String name) throws MalformedTokenException {
        Object value = claims.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number) || value instanceof Double d && !Double.isFinite(d)
                || value instanceof Float f && !Float.isFinite(f)) {
            throw new MalformedTokenException(name + " is not a NumericDate (RFC 7519 §2: a JSON number)");
        }
        BigDecimal seconds;
        try {
            seconds = number instanceof BigDecimal big ? big : new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            throw new MalformedTokenException(name + " is not a NumericDate (RFC 7519 §2: a JSON number)");
        }
        if (seconds.signum() < 0) {
            throw new MalformedTokenException(name + " " + number + " is not a NumericDate: it is before 1970");
        }
        if (seconds.compareTo(BigDecimal.valueOf(LAST_SECOND)) > 0) {
            throw new MalformedTokenException(name + " is not a NumericDate this verifier accepts: it is beyond the year 9999");
        }
        return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
    }
}

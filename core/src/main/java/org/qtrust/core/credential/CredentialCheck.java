package org.qtrust.core.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One question: is this presentation valid for this verifier at this time?
 *
 * @param presentation       the SD-JWT as received: {@code <issuer-jwt>~<disclosure>~…~[<kb-jwt>]}
 * @param audience           the verifier's identifier the KB-JWT's {@code aud} must equal
 * @param nonce              the nonce the verifier gave the holder, which the KB-JWT's {@code nonce} must equal
 * @param validationTime     the time the decision is for (never read from a clock here)
 * @param requireKeyBinding  whether a presentation without a KB-JWT is rejected
 * @param clockSkew          tolerance applied to {@code exp}, {@code nbf} and {@code iat}
 * @param keyBindingMaxAge   how old a KB-JWT may be ({@code iat} before {@code presentedAt})
 * @param presentedAt        when the verifier received the presentation, by its own clock: the KB-JWT's freshness is
 *                           judged at this time, never at a caller-supplied {@code validationTime} (issue 13.8), which
 *                           only moves the time at which trust and status are judged
 * @param statusMode         how the status list entry counts (issue 13.3; default {@code require})
 * @param fetchBudget        the longest wait for outbound work (status list) of this check (issue 15.1; default 10 s)
 */
public record CredentialCheck(String presentation, Optional<String> audience, Optional<String> nonce, Instant validationTime,
                              boolean requireKeyBinding, Duration clockSkew, Duration keyBindingMaxAge, Instant presentedAt,
                              CredentialStatusMode statusMode, Duration fetchBudget) {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_KEY_BINDING_MAX_AGE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_FETCH_BUDGET = Duration.ofSeconds(10);

    public CredentialCheck {
        Objects.requireNonNull(presentation);
        Objects.requireNonNull(audience);
        Objects.requireNonNull(nonce);
        Objects.requireNonNull(validationTime);
        Objects.requireNonNull(clockSkew);
        Objects.requireNonNull(keyBindingMaxAge);
        Objects.requireNonNull(presentedAt);
        Objects.requireNonNull(statusMode);
        Objects.requireNonNull(fetchBudget);
        if (clockSkew.isNegative() || keyBindingMaxAge.isNegative()) {
            throw new IllegalArgumentException("clock skew and key-binding age cannot be negative");
        }
    }

    /** A check of a presentation received at the validation time (no past {@code at}), status required, default budget. */
    public CredentialCheck(String presentation, Optional<String> audience, Optional<String> nonce, Instant validationTime,
                           boolean requireKeyBinding, Duration clockSkew, Duration keyBindingMaxAge) {
        this(presentation, audience, nonce, validationTime, requireKeyBinding, clockSkew, keyBindingMaxAge, validationTime,
                CredentialStatusMode.REQUIRE, DEFAULT_FETCH_BUDGET);
    }

    /** A check of a presentation received at {@code presentedAt} by the verifier's clock, status required, default budget. */
    public CredentialCheck(String presentation, Optional<String> audience, Optional<String> nonce, Instant validationTime,
                           boolean requireKeyBinding, Duration clockSkew, Duration keyBindingMaxAge, Instant presentedAt) {
        this(presentation, audience, nonce, validationTime, requireKeyBinding, clockSkew, keyBindingMaxAge, presentedAt,
                CredentialStatusMode.REQUIRE, DEFAULT_FETCH_BUDGET);
    }

    /** A check with the default skew and KB-JWT age, no expected audience or nonce, key binding optional, received at {@code validationTime}. */
    public static CredentialCheck of(String presentation, Instant validationTime) {
        return new CredentialCheck(presentation, Optional.empty(), Optional.empty(), validationTime, false,
                DEFAULT_CLOCK_SKEW, DEFAULT_KEY_BINDING_MAX_AGE);
    }

    public CredentialCheck forVerifier(String expectedAudience, String expectedNonce) {
        return new CredentialCheck(presentation, Optional.of(expectedAudience), Optional.of(expectedNonce), validationTime,
                requireKeyBinding, clockSkew, keyBindingMaxAge, presentedAt, statusMode, fetchBudget);
    }

    public CredentialCheck requiringKeyBinding(boolean required) {
        return new CredentialCheck(presentation, audience, nonce, validationTime, required, clockSkew, keyBindingMaxAge,
                presentedAt, statusMode, fetchBudget);
    }

    public CredentialCheck withClockSkew(Duration skew) {
        return new CredentialCheck(presentation, audience, nonce, validationTime, requireKeyBinding, skew, keyBindingMaxAge,
                presentedAt, statusMode, fetchBudget);
    }

    public CredentialCheck withKeyBindingMaxAge(Duration maxAge) {
        return new CredentialCheck(presentation, audience, nonce, validationTime, requireKeyBinding, clockSkew, maxAge,
                presentedAt, statusMode, fetchBudget);
    }

    /** Received at {@code time} by the verifier's clock (the KB-JWT's freshness is judged then). */
    public CredentialCheck presentedAt(Instant time) {
        return new CredentialCheck(presentation, audience, nonce, validationTime, requireKeyBinding, clockSkew, keyBindingMaxAge,
                time, statusMode, fetchBudget);
    }

    public CredentialCheck withStatusMode(CredentialStatusMode mode) {
        return new CredentialCheck(presentation, audience, nonce, validationTime, requireKeyBinding, clockSkew, keyBindingMaxAge,
                presentedAt, mode, fetchBudget);
    }

    public CredentialCheck withFetchBudget(Duration budget) {
        return new CredentialCheck(presentation, audience, nonce, validationTime, requireKeyBinding, clockSkew, keyBindingMaxAge,
                presentedAt, statusMode, budget);
    }
}

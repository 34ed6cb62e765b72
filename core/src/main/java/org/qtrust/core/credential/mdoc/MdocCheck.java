package org.qtrust.core.credential.mdoc;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.credential.CredentialCheck;
import org.qtrust.core.credential.CredentialStatusMode;

/**
 * One question: is this mdoc presentation valid for this verifier at this time?
 *
 * @param presentation             the CBOR bytes: a DeviceResponse (ISO/IEC 18013-5 §8.3.2.1.2.2) or a bare IssuerSigned
 * @param transcript               the SessionTranscript the device must have signed (built from the verifier's own request)
 * @param validationTime           the time the decision is for (never read from a clock here)
 * @param requireDeviceAuthentication whether a presentation whose device authentication is not verified is refused
 * @param clockSkew                tolerance applied to validityInfo
 * @param statusMode               how the MSO's status list entry counts (issue 13.3, as for SD-JWT VCs; default {@code require})
 * @param fetchBudget              the longest wait for the status list of this check (issue 15.1; default 10 s)
 */
public record MdocCheck(byte[] presentation, Optional<SessionTranscript> transcript, Instant validationTime,
                        boolean requireDeviceAuthentication, Duration clockSkew, CredentialStatusMode statusMode,
                        Duration fetchBudget) {

    /** Status required, the default budget. */
    public MdocCheck(byte[] presentation, Optional<SessionTranscript> transcript, Instant validationTime,
                     boolean requireDeviceAuthentication, Duration clockSkew) {
        this(presentation, transcript, validationTime, requireDeviceAuthentication, clockSkew, CredentialStatusMode.REQUIRE,
                CredentialCheck.DEFAULT_FETCH_BUDGET);
    }

    public MdocCheck {
        Objects.requireNonNull(statusMode);
        Objects.requireNonNull(fetchBudget);
        presentation = presentation.clone();
        Objects.requireNonNull(transcript);
        Objects.requireNonNull(validationTime);
        Objects.requireNonNull(clockSkew);
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clock skew cannot be negative");
        }
    }

    @Override
    public byte[] presentation() {
        return presentation.clone();
    }

    /** No transcript, device authentication optional, 60 s skew. */
    public static MdocCheck of(byte[] presentation, Instant validationTime) {
        return new MdocCheck(presentation, Optional.empty(), validationTime, false, Duration.ofSeconds(60));
    }

    public MdocCheck withTranscript(SessionTranscript sessionTranscript) {
        return new MdocCheck(presentation, Optional.of(sessionTranscript), validationTime, requireDeviceAuthentication, clockSkew,
                statusMode, fetchBudget);
    }

    public MdocCheck requiringDeviceAuthentication(boolean required) {
        return new MdocCheck(presentation, transcript, validationTime, required, clockSkew, statusMode, fetchBudget);
    }

    public MdocCheck withClockSkew(Duration skew) {
        return new MdocCheck(presentation, transcript, validationTime, requireDeviceAuthentication, skew, statusMode, fetchBudget);
    }

    public MdocCheck withStatusMode(CredentialStatusMode mode) {
        return new MdocCheck(presentation, transcript, validationTime, requireDeviceAuthentication, clockSkew, mode, fetchBudget);
    }

    public MdocCheck withFetchBudget(Duration budget) {
        return new MdocCheck(presentation, transcript, validationTime, requireDeviceAuthentication, clockSkew, statusMode, budget);
    }
}

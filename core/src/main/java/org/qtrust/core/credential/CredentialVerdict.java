package org.qtrust.core.credential;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.credential.status.CredentialStatus;
import org.qtrust.core.trustsource.IssuerTrustVerdict;

/**
 * The decision on one presentation.
 *
 * @param valid       whether every rule passed
 * @param code        {@link CredentialCode#OK} or the first rule that failed
 * @param issuer      the issuer JWT's {@code iss}, when it could be read
 * @param vct         the credential type, when it could be read
 * @param claims      the processed payload (RFC 9901 §7.1): disclosed claims in place, {@code _sd}, {@code _sd_alg}
 *                    and {@code ...} removed; empty unless the credential is valid. JSON values as
 *                    {@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean} or {@code null}
 * @param holderBound whether a KB-JWT proved possession of the key in {@code cnf}
 * @param certificate the decision on the {@code x5c} issuer certificate, when one was made
 * @param trace       the rules applied, in order, readable by a person
 * @param trustSource how the issuer key came to be trusted (or was looked for): {@code LoTE} or
 *                    {@code TL} (through a list), {@code anchor} (a plain trust anchor), {@code key}
 *                    (given out of band); empty when no issuer key was reached
 * @param issuerTrust the issuer-trust decision (list, entity, service), when lists of trusted
 *                    entities were configured and the query was made
 * @param status      the status list entry: referenced where, checked or not, the value read (issue 13.3)
 */
public record CredentialVerdict(boolean valid, CredentialCode code, Optional<String> issuer, Optional<String> vct,
                                Map<String, Object> claims, boolean holderBound, Optional<CertificateVerdict> certificate,
                                List<String> trace, Optional<String> trustSource,
                                Optional<IssuerTrustVerdict> issuerTrust, CredentialStatus status) {

    /** A verdict that says nothing about a status list. */
    public CredentialVerdict(boolean valid, CredentialCode code, Optional<String> issuer, Optional<String> vct,
                             Map<String, Object> claims, boolean holderBound, Optional<CertificateVerdict> certificate,
                             List<String> trace, Optional<String> trustSource, Optional<IssuerTrustVerdict> issuerTrust) {
        this(valid, code, issuer, vct, claims, holderBound, certificate, trace, trustSource, issuerTrust, CredentialStatus.none());
    }

    public static final String SOURCE_ANCHOR = "anchor";
    public static final String SOURCE_KEY = "key";

    /** A verdict that names no trust source. */
    public CredentialVerdict(boolean valid, CredentialCode code, Optional<String> issuer, Optional<String> vct,
                             Map<String, Object> claims, boolean holderBound, Optional<CertificateVerdict> certificate,
                             List<String> trace) {
        this(valid, code, issuer, vct, claims, holderBound, certificate, trace, Optional.empty(), Optional.empty());
    }

    public CredentialVerdict {
        Objects.requireNonNull(trustSource);
        Objects.requireNonNull(status);
        Objects.requireNonNull(issuerTrust);
        Objects.requireNonNull(code);
        Objects.requireNonNull(issuer);
        Objects.requireNonNull(vct);
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        Objects.requireNonNull(certificate);
        trace = List.copyOf(trace);
        if (valid != (code == CredentialCode.OK)) {
            throw new IllegalArgumentException("a verdict is valid exactly when its code is ok");
        }
    }
}

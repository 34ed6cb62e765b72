package org.qtrust.core.credential;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.certificate.CertificateVerdict;

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
 */
public record CredentialVerdict(boolean valid, CredentialCode code, Optional<String> issuer, Optional<String> vct,
                                Map<String, Object> claims, boolean holderBound, Optional<CertificateVerdict> certificate,
                                List<String> trace) {

    public CredentialVerdict {
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

package org.qtrust.core.trustsource;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.certificate.VerdictCode;

/**
 * Whether a credential issuer is trusted, and through what: the list (type, territory,
 * operator, sequence), the entity, the service and its status at issuance and at validation
 * time, with a trace of every rule applied.
 *
 * @param trusted     whether a rule of the policy vouches for the issuer
 * @param code        {@link VerdictCode#OK}, or why not (issuer_not_trusted, list_not_trusted,
 *                    invalid_certificate_chain, malformed_certificate, certificate_expired…)
 * @param trustSource "LoTE" or "TL" when a list holds the issuer's key, else empty
 * @param list        that list
 * @param entity      the trusted entity (or TSP) name
 * @param service     that service
 * @param trace       the rules applied, in order
 */
public record IssuerTrustVerdict(boolean trusted, VerdictCode code, Optional<String> trustSource, Optional<ListSummary> list,
                                 Optional<String> entity, Optional<ServiceSummary> service, List<String> trace) {

    /** The list the decision rests on. */
    public record ListSummary(String type, String territory, String operator, BigInteger sequenceNumber, String location,
                              boolean accepted) {
        public ListSummary {
            Objects.requireNonNull(type);
            Objects.requireNonNull(territory);
            Objects.requireNonNull(operator);
            Objects.requireNonNull(sequenceNumber);
            Objects.requireNonNull(location);
        }
    }

    /** The service: name, type URI and status (URI) in force at issuance and at the validation time. */
    public record ServiceSummary(String name, String type, Optional<String> statusAtIssuance,
                                 Optional<String> statusAtValidationTime) {
        public ServiceSummary {
            Objects.requireNonNull(name);
            Objects.requireNonNull(type);
            Objects.requireNonNull(statusAtIssuance);
            Objects.requireNonNull(statusAtValidationTime);
        }
    }

    public IssuerTrustVerdict {
        Objects.requireNonNull(code);
        Objects.requireNonNull(trustSource);
        Objects.requireNonNull(list);
        Objects.requireNonNull(entity);
        Objects.requireNonNull(service);
        trace = List.copyOf(trace);
        if (trusted != (code == VerdictCode.OK)) {
            throw new IllegalArgumentException("a verdict is trusted exactly when its code is ok");
        }
    }
}

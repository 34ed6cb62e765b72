package org.qtrust.core.trustedlist;

import java.util.List;
import java.util.Objects;

/** A TrustServiceProvider of a list (TS 119 612 §5.4) and its services. */
public record TrustServiceProvider(MultilingualText name, MultilingualText tradeName, List<TrustedService> services) {

    public TrustServiceProvider {
        Objects.requireNonNull(name);
        Objects.requireNonNull(tradeName);
        services = List.copyOf(services);
    }
}

package org.qtrust.core.lote;

import java.util.List;
import java.util.Objects;
import org.qtrust.core.trustedlist.MultilingualText;
import org.qtrust.core.trustedlist.TrustedService;

/**
 * A TrustedEntity of a list (TS 119 602 §6.4, §6.5) and its services. A TE service has the
 * shape of a TS 119 612 service (type, name, digital identity, status and its history, §6.6,
 * §6.7), so it is held as a {@link TrustedService}; a service without ServiceStatus carries the
 * pseudo status {@link LoteIdentifiers#LISTED}.
 */
public record TrustedEntity(MultilingualText name, MultilingualText tradeName, List<TrustedService> services) {

    public TrustedEntity {
        Objects.requireNonNull(name);
        Objects.requireNonNull(tradeName);
        services = List.copyOf(services);
    }
}

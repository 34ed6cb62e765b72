package org.qtrust.core.trustedlist;

import java.util.List;
import java.util.Objects;

/**
 * A TSPService (TS 119 612 §5.5): what the list says of one trust service, now and before.
 * The current type, name, status and extensions are those of {@code history().current()}.
 *
 * @param identity the ServiceDigitalIdentity of the current ServiceInformation
 * @param history  current information and every ServiceHistoryInstance as periods
 * @param historicIdentities identities that history instances give when they differ (key rollover)
 */
public record TrustedService(
        DigitalIdentity identity,
        StatusHistory history,
        List<DigitalIdentity> historicIdentities) {

    public TrustedService {
        Objects.requireNonNull(identity);
        Objects.requireNonNull(history);
        historicIdentities = List.copyOf(historicIdentities);
    }

    public String type() {
        return history.current().serviceType();
    }

    public MultilingualText name() {
        return history.current().serviceName();
    }

    public ServiceStatus currentStatus() {
        return history.current().status();
    }

    public ServiceInformationExtensions extensions() {
        return history.current().extensions();
    }
}

package org.qtrust.core.certificate.index;

import java.util.List;
import java.util.Objects;
import org.qtrust.core.certificate.CertificateFacts;

/**
 * A certificate a service's digital identity gives (TS 119 612 §5.5.3), byte for byte: the
 * certificate, the listed key it carries, and the services (or plain anchors) that list this
 * very certificate, in snapshot order.
 *
 * @param certificate the listed certificate
 * @param key         the listed key it carries (every service holding that key)
 * @param services    the services whose identity gives this certificate
 */
public record ListedCertificate(CertificateFacts certificate, ListedKey key, List<ListedService> services) {

    public ListedCertificate {
        Objects.requireNonNull(certificate);
        Objects.requireNonNull(key);
        services = List.copyOf(services);
        if (services.isEmpty()) {
            throw new IllegalArgumentException("a listed certificate is listed by at least one service");
        }
    }
}

package org.qtrust.core.policy;

import java.util.Objects;
import org.qtrust.core.trustedlist.ServiceCertificate;

/**
 * A trust anchor a policy names directly, for a scheme that publishes no ETSI trusted list
 * (for example a national root CA of India, the UAE or Kenya). Like a listed service, it is
 * its public key that anchors a path; its certificate only carries the key.
 *
 * @param jurisdiction the scheme's label, reported as the verdict's territory (e.g. "IN")
 * @param name         a readable name, reported as the provider and service name
 * @param certificate  the anchor's certificate
 */
public record PlainTrustAnchor(String jurisdiction, String name, ServiceCertificate certificate) {

    public PlainTrustAnchor {
        Objects.requireNonNull(jurisdiction);
        Objects.requireNonNull(name);
        Objects.requireNonNull(certificate);
        if (jurisdiction.isBlank()) {
            throw new IllegalArgumentException("a plain trust anchor needs a jurisdiction label");
        }
    }
}

package org.qtrust.core.certificate.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.SubjectPublicKey;

/**
 * A public key some service's digital identity (TS 119 612 §5.5.3) or a plain anchor holds:
 * what a certification path must end at. Every service that holds the key is kept.
 *
 * @param key         the key
 * @param certificate the listed certificate that carries it, when the identity gave one
 * @param services    the services holding this key, in snapshot order
 */
public record ListedKey(SubjectPublicKey key, Optional<CertificateFacts> certificate, List<ListedService> services) {

    public ListedKey {
        Objects.requireNonNull(key);
        Objects.requireNonNull(certificate);
        services = List.copyOf(services);
    }

    /** Two listed keys are the same when they hold the same key (services are not compared: cheap in hash sets). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ListedKey other && key.sameKeyAs(other.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    /** The listed certificate's subject, or a description of the bare key. */
    public String describe() {
        return certificate.map(CertificateFacts::subject).orElse("key " + key.id().substring(0, 16) + "… (KeyValue)");
    }
}

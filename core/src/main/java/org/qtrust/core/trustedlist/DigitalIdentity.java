package org.qtrust.core.trustedlist;

import java.util.List;
import java.util.Objects;

/**
 * A ServiceDigitalIdentity (TS 119 612 §5.5.3): the ways a list identifies one public key.
 * All entries denote the same key; a certificate chain must be verified up to that key,
 * names alone never identify a service.
 *
 * @param certificates        X509Certificate entries
 * @param subjectNames        X509SubjectName entries (informative only)
 * @param subjectKeyIdentifiers X509SKI entries (raw key identifier bytes)
 * @param keyValues           KeyValue entries as encoded SubjectPublicKeyInfo (DER), when given
 */
public record DigitalIdentity(
        List<ServiceCertificate> certificates,
        List<String> subjectNames,
        List<byte[]> subjectKeyIdentifiers,
        List<byte[]> keyValues) {

    public static final DigitalIdentity NONE = new DigitalIdentity(List.of(), List.of(), List.of(), List.of());

    public DigitalIdentity {
        certificates = List.copyOf(Objects.requireNonNull(certificates));
        subjectNames = List.copyOf(Objects.requireNonNull(subjectNames));
        subjectKeyIdentifiers = subjectKeyIdentifiers.stream().map(byte[]::clone).toList();
        keyValues = keyValues.stream().map(byte[]::clone).toList();
    }

    public static DigitalIdentity ofCertificates(List<ServiceCertificate> certificates) {
        return new DigitalIdentity(certificates, List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return certificates.isEmpty() && subjectNames.isEmpty() && subjectKeyIdentifiers.isEmpty() && keyValues.isEmpty();
    }
}

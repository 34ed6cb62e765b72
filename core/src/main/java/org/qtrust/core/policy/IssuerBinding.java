package org.qtrust.core.policy;

import java.util.Locale;

/**
 * How a wallet credential's {@code iss} must be bound to the key that signed it (issue 13.2):
 * without a binding, anyone trusted to issue credentials could write another issuer's name in
 * {@code iss}. draft-ietf-oauth-sd-jwt-vc gives two ways ("Issuer Signature Mechanisms"): an x5c
 * leaf whose SAN names the issuer (a {@code uniformResourceIdentifier}, or a {@code dNSName} for the
 * host of {@code iss}, as OpenID4VC HAIP §7.1 profiles it), or JWT VC Issuer Metadata (§5) that
 * publishes the issuer's keys.
 */
public enum IssuerBinding {
    /**
     * The default: when the leaf certificate carries a SAN URI or dNSName, {@code iss} must match
     * one of them (same origin); otherwise verified issuer metadata must publish the signing key.
     */
    CERTIFICATE_OR_METADATA,
    /** The leaf certificate must carry a SAN URI or dNSName that matches {@code iss} (same origin). */
    CERTIFICATE,
    /** Verified issuer metadata for {@code iss} must publish the signing key (SANs do not count). */
    METADATA,
    /** {@code iss} is not bound to the key: it is only the issuer's claim (the trace says so). */
    NONE;

    /** As written in policy files: certificate-or-metadata, certificate, metadata, none. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static IssuerBinding parse(String text) {
        String normalized = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (IssuerBinding value : values()) {
            if (value.name().equals(normalized)) {
                return value;
            }
        }
        throw new IllegalArgumentException("issuerBinding '" + text + "' is not certificate-or-metadata, certificate, metadata or none");
    }
}

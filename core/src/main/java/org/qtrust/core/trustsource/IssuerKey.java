package org.qtrust.core.trustsource;

import java.util.List;

/** How a credential names its issuer: a certificate chain (x5c, leaf first) or a bare public key. */
public sealed interface IssuerKey {

    /** The leaf certificate (DER) first, then any intermediates; untrusted input. */
    record Chain(List<byte[]> certificates) implements IssuerKey {
        public Chain {
            certificates = certificates.stream().map(byte[]::clone).toList();
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("a chain has at least the issuer's certificate");
            }
        }
    }

    /** A SubjectPublicKeyInfo (DER): found only when a list gives exactly this key. */
    record PublicKey(byte[] subjectPublicKeyInfo) implements IssuerKey {
        public PublicKey {
            subjectPublicKeyInfo = subjectPublicKeyInfo.clone();
        }
    }

    static IssuerKey chain(List<byte[]> certificates) {
        return new Chain(certificates);
    }
}

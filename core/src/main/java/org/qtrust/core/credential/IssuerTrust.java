package org.qtrust.core.credential;

import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.certificate.VerifyCertificate;
import org.qtrust.core.policy.CredentialKindRule;
import org.qtrust.core.trustsource.CheckIssuerTrust;

/** How the issuer's signing key comes to be trusted. */
public sealed interface IssuerTrust {

    /**
     * The key is the leaf of the issuer JWT's {@code x5c} chain, and the chain is decided like any
     * certificate (trusted lists or plain anchors, under the decision service's policy). An SD-JWT
     * VC: {@code typ} and {@code vct} are required, issuer metadata and status are checked.
     */
    record CertificateChain(VerifyCertificate decisions) implements IssuerTrust {
        public CertificateChain {
            Objects.requireNonNull(decisions);
        }
    }

    /**
     * A key given out of band (interop testing): the input is verified as a plain SD-JWT per
     * RFC 9901 — signature, disclosures, key binding — with no {@code typ}/{@code vct}, chain,
     * metadata or status requirement.
     *
     * @param subjectPublicKeyInfo the issuer key (DER)
     */
    record FixedKey(byte[] subjectPublicKeyInfo) implements IssuerTrust {
        public FixedKey {
            subjectPublicKeyInfo = subjectPublicKeyInfo.clone();
        }

        @Override
        public byte[] subjectPublicKeyInfo() {
            return subjectPublicKeyInfo.clone();
        }
    }

    /**
     * The key is the leaf of the {@code x5c} chain, and the issuer is looked up on the lists the
     * issuer-trust policy names for the credential's kind (lists of trusted entities, EU trusted
     * lists), the kind read from the {@code vct} by {@code kinds}. An SD-JWT VC, as above.
     *
     * @param issuers          the issuer-trust query over the loaded lists
     * @param kinds            which kind a credential is
     * @param statusListChains decides an {@code x5c} chain a status list token carries; without
     *                         it such a token is refused (fail closed)
     */
    record TrustSourceLists(CheckIssuerTrust issuers, CredentialKindRule kinds,
                            Optional<VerifyCertificate> statusListChains) implements IssuerTrust {
        public TrustSourceLists {
            Objects.requireNonNull(issuers);
            Objects.requireNonNull(kinds);
            Objects.requireNonNull(statusListChains);
        }
    }
}

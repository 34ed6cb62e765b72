package org.qtrust.core.credential;

import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.VerifyCertificate;
import org.qtrust.core.policy.CredentialIssuerPolicy;
import org.qtrust.core.policy.CredentialKindRule;
import org.qtrust.core.policy.IssuerBinding;
import org.qtrust.core.trustsource.CheckIssuerTrust;

/** How the issuer's signing key comes to be trusted. */
public sealed interface IssuerTrust {

    /**
     * The key is the leaf of the issuer JWT's {@code x5c} chain, and the chain is decided like any
     * certificate (trusted lists or plain anchors, under the decision service's policy — for
     * issuers, {@link org.qtrust.core.policy.VerificationPolicy#forCredentialIssuers()}). The service
     * the chain ends at must then hold the role the credential's kind needs ({@code issuers}: a PID
     * only through a service a PID rule names, an attestation through EAA/Q or EAA/Pub-EAA by
     * default; a plain anchor only when a rule names the {@code anchor} source). An SD-JWT VC:
     * {@code typ} and {@code vct} are required, issuer metadata and status are checked.
     *
     * @param decisions decides the chain
     * @param issuers   which kind a credential is and which services may issue each kind
     */
    record CertificateChain(VerifyCertificate decisions, CredentialIssuerPolicy issuers) implements IssuerTrust {
        public CertificateChain {
            Objects.requireNonNull(decisions);
            Objects.requireNonNull(issuers);
        }

        /** The roles of the decision service's own policy (the EU defaults for any other {@link VerifyCertificate}). */
        public CertificateChain(VerifyCertificate decisions) {
            this(decisions, decisions instanceof CertificateDecisionService service ? service.policy().credentialIssuers()
                    : CredentialIssuerPolicy.euDefault());
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
     * @param binding          how {@code iss} must be bound to the signing key (issue 13.2)
     */
    record TrustSourceLists(CheckIssuerTrust issuers, CredentialKindRule kinds,
                            Optional<VerifyCertificate> statusListChains, IssuerBinding binding) implements IssuerTrust {
        public TrustSourceLists {
            Objects.requireNonNull(issuers);
            Objects.requireNonNull(kinds);
            Objects.requireNonNull(statusListChains);
            Objects.requireNonNull(binding);
        }

        /** With the default binding, {@code certificate-or-metadata}. */
        public TrustSourceLists(CheckIssuerTrust issuers, CredentialKindRule kinds, Optional<VerifyCertificate> statusListChains) {
            this(issuers, kinds, statusListChains, IssuerBinding.CERTIFICATE_OR_METADATA);
        }
    }
}

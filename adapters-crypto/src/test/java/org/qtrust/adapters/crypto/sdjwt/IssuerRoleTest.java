package org.qtrust.adapters.crypto.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.qtrust.adapters.crypto.certificate.BouncyCastleCertificateInspector;
import org.qtrust.adapters.crypto.certificate.fixtures.TestSnapshot;
import org.qtrust.adapters.crypto.certificate.fixtures.TestSnapshot.Period;
import org.qtrust.adapters.crypto.issuance.ClaimSet;
import org.qtrust.adapters.crypto.issuance.SdJwtIssuer;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.QcStatements;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.crypto.testpki.WalletCredentials;
import org.junit.jupiter.api.Test;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.index.ListSource;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.credential.CredentialVerdict;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.policy.CredentialIssuerPolicy;
import org.qtrust.core.policy.CredentialKind;
import org.qtrust.core.policy.CredentialKindRule;
import org.qtrust.core.policy.PlainTrustAnchor;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.ServiceStatus;
import org.qtrust.core.trustedlist.TrustedList;

/**
 * Issue 13.1: a credential issuer is accepted only through a service whose role fits the
 * credential's kind — a qualified e-signature or website certificate from a CA/QC service mints
 * no PID, and a plain anchor vouches for no issuer unless a policy says so explicitly.
 */
class IssuerRoleTest {

    private static final WalletCredentials WALLET = WalletCredentials.create();
    private static final String ATTESTATION_VCT = "urn:eudi:sandbox:diploma:1";

    /** A CA/QC (granted) and an EAA/Q (granted) service on one list, each with an issuer under it. */
    private static final TestPki QC = TestPki.create("Role QC");
    private static final TestPki EAA = TestPki.create("Role EAA");
    private static final TestPki WITHDRAWN = TestPki.create("Role EAA withdrawn");
    private static final Credential ESIG = QC.endEntity("Erika Signer").validity(WalletCredentials.ISSUER_NOT_BEFORE, TestPki.NOT_AFTER)
            .qcStatements(QcStatements.create().compliance().sscd().type(QcStatements.QCT_ESIGN).encoded()).issue();
    private static final Credential WEBSITE = QC.endEntity("www.issuer.example").validity(WalletCredentials.ISSUER_NOT_BEFORE, TestPki.NOT_AFTER)
            .qcStatements(QcStatements.create().compliance().type(QcStatements.QCT_WEB).encoded()).issue();
    /** Names the iss of the credentials it signs (SAN URI, issue 13.2), as the issuers below that must be valid. */
    private static final Credential EAA_ISSUER = EAA.endEntity("Attestation Issuer").validity(WalletCredentials.ISSUER_NOT_BEFORE, TestPki.NOT_AFTER)
            .subjectAltNames(WalletCredentials.ISSUER).issue();
    private static final Credential WITHDRAWN_ISSUER = WITHDRAWN.endEntity("Withdrawn Issuer")
            .validity(WalletCredentials.ISSUER_NOT_BEFORE, TestPki.NOT_AFTER).issue();
    private static final TestPki ANCHORED = TestPki.create("Role anchored scheme");
    private static final Credential ANCHORED_ISSUER = ANCHORED.endEntity("Anchored Issuer")
            .validity(WalletCredentials.ISSUER_NOT_BEFORE, TestPki.NOT_AFTER).subjectAltNames(WalletCredentials.ISSUER).issue();
    private static final TrustedList LIST = TestSnapshot.list("RT", "Role Test TSP",
            TestSnapshot.service("Role Test CA/QC", QC.intermediate().certificate(), Period.of(ServiceStatus.Kind.GRANTED, "2016-07-01T00:00:00Z")),
            TestSnapshot.service("Role Test QEAA", EAA.intermediate().certificate(),
                    Period.of(ServiceStatus.Kind.GRANTED, "2016-07-01T00:00:00Z").type(ServiceTypes.EAA_Q)),
            TestSnapshot.service("Role Test QEAA withdrawn", WITHDRAWN.intermediate().certificate(),
                    Period.of(ServiceStatus.Kind.GRANTED, "2016-07-01T00:00:00Z").type(ServiceTypes.EAA_Q),
                    Period.of(ServiceStatus.Kind.WITHDRAWN, "2020-01-01T00:00:00Z").type(ServiceTypes.EAA_Q)));

    /**
     * Issuers whose own certificates an EAA/Q service lists byte for byte, under a granted CA/QC: one listing granted, one
     * withdrawn before the certificate was issued (2024), one on a list that is not accepted.
     */
    private static final TestPki SELF_CA = TestPki.create("Role self-listed CA");
    private static final Credential SELF_LISTED = SELF_CA.endEntity("Self-listed Issuer")
            .validity(WalletCredentials.ISSUER_NOT_BEFORE, TestPki.NOT_AFTER).subjectAltNames(WalletCredentials.ISSUER).issue();
    private static final Credential SELF_WITHDRAWN = SELF_CA.endEntity("Self-listed Withdrawn Issuer")
            .validity(WalletCredentials.ISSUER_NOT_BEFORE, TestPki.NOT_AFTER).subjectAltNames(WalletCredentials.ISSUER).issue();
    private static final TrustedList SELF_LIST = TestSnapshot.list("RS", "Role Self TSP",
            TestSnapshot.service("Role Self CA/QC", SELF_CA.intermediate().certificate(),
                    Period.of(ServiceStatus.Kind.GRANTED, "2016-07-01T00:00:00Z")),
            TestSnapshot.service("Role Self QEAA", SELF_LISTED.certificate(),
                    Period.of(ServiceStatus.Kind.GRANTED, "2016-07-01T00:00:00Z").type(ServiceTypes.EAA_Q)),
            TestSnapshot.service("Role Self QEAA withdrawn", SELF_WITHDRAWN.certificate(),
                    Period.of(ServiceStatus.Kind.GRANTED, "2016-07-01T00:00:00Z").type(ServiceTypes.EAA_Q),
                    Period.of(ServiceStatus.Kind.WITHDRAWN, "2020-01-01T00:00:00Z").type(ServiceTypes.EAA_Q)));

    private static CertificateDecisionService decisions(VerificationPolicy policy) {
        return decisions(policy, ListSource.accepted(LIST));
    }

    private static CertificateDecisionService decisions(VerificationPolicy policy, ListSource... lists) {
        BouncyCastleCertificateInspector inspector = new BouncyCastleCertificateInspector();
        return new CertificateDecisionService(TrustedServiceIndex.build(List.of(lists), policy.plainAnchors(), inspector),
                inspector, policy);
    }

    private static CredentialVerdict verify(CertificateDecisionService decisions, Credential signer, String vct) {
        CredentialVerificationService verifier = CredentialVerificationService.offline(new IssuerTrust.CertificateChain(decisions),
                new Jose4jWebTokens());
        ClaimSet claims = WALLET.pid().claim("vct", vct);
        SdJwtIssuer issuer = WALLET.signer(signer);
        return verifier.verify(WALLET.check(WALLET.present(issuer.issue(claims))));
    }

    private static String trace(CredentialVerdict verdict) {
        return String.join("\n", verdict.trace());
    }

    @Test
    void a_pid_signed_with_a_qualified_esignature_certificate_is_not_trusted_under_eu_eidas() {
        CredentialVerdict verdict = verify(decisions(VerificationPolicy.euEidas().forCredentialIssuers()), ESIG, WalletCredentials.VCT);

        assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
        assertThat(verdict.claims()).isEmpty();
        assertThat(verdict.trace()).anySatisfy(line -> assertThat(line)
                .contains("a credential of kind pid is issued only through [LoTE EUPIDProvidersList [PID/Issuance]]")
                .contains("Role Test CA/QC (CA/QC").contains("not that role"));
    }

    @Test
    void even_when_the_certificate_decision_trusts_ca_qc_the_role_check_refuses_the_pid() {
        // eu-eidas as cert verify applies it (CA/QC granted): the chain is trusted, its role is not a PID provider's.
        CredentialVerdict verdict = verify(decisions(VerificationPolicy.euEidas()), ESIG, WalletCredentials.VCT);

        assertThat(verdict.certificate()).get().satisfies(c -> assertThat(c.trusted()).isTrue());
        assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
        assertThat(trace(verdict)).contains("Role Test CA/QC (CA/QC, granted at the certificate's issuance): not that role");
    }

    @Test
    void a_pid_or_an_attestation_signed_with_a_website_certificate_is_not_trusted() {
        CertificateDecisionService eu = decisions(VerificationPolicy.euEidas());

        assertThat(verify(eu, WEBSITE, WalletCredentials.VCT).code()).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
        CredentialVerdict attestation = verify(eu, WEBSITE, ATTESTATION_VCT);
        assertThat(attestation.code()).as(trace(attestation)).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
        assertThat(trace(attestation)).contains("a credential of kind attestation").contains("[TL [EAA/Pub-EAA, EAA/Q]")
                .contains("(CA/QC, granted at the certificate's issuance): not that role");
    }

    @Test
    void an_attestation_of_a_granted_eaa_q_service_is_valid_and_a_pid_of_it_is_not() {
        CertificateDecisionService eu = decisions(VerificationPolicy.euEidas().forCredentialIssuers());

        CredentialVerdict attestation = verify(eu, EAA_ISSUER, ATTESTATION_VCT);
        assertThat(attestation.code()).as(trace(attestation)).isEqualTo(CredentialCode.OK);
        assertThat(trace(attestation)).contains("Role Test QEAA (EAA/Q, granted at the certificate's issuance): holds that role");
        CredentialVerdict pid = verify(eu, EAA_ISSUER, WalletCredentials.VCT);
        assertThat(pid.code()).as(trace(pid)).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
        assertThat(trace(pid)).contains("(EAA/Q, granted at the certificate's issuance): not that role");
    }

    @Test
    void an_eaa_q_service_withdrawn_before_the_certificate_was_issued_vouches_for_nothing() {
        CredentialVerdict verdict = verify(decisions(VerificationPolicy.euEidas().forCredentialIssuers()), WITHDRAWN_ISSUER, ATTESTATION_VCT);

        assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
    }

    @Test
    void a_plain_anchor_vouches_for_an_issuer_only_when_the_policy_names_the_anchor_source() {
        PlainTrustAnchor anchor = new PlainTrustAnchor("XX", "Scheme XX root", ServiceCertificate.of(ANCHORED.root().certificate()));
        VerificationPolicy anchored = VerificationPolicy.euEidas().withAdditionalAnchors(List.of(anchor));

        CredentialVerdict refused = verify(decisions(anchored.forCredentialIssuers()), ANCHORED_ISSUER, ATTESTATION_VCT);
        assertThat(refused.code()).as(trace(refused)).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
        assertThat(trace(refused)).contains("(a plain trust anchor): not that role");

        VerificationPolicy widened = anchored.withCredentialIssuers(
                CredentialIssuerPolicy.anchorsFor(CredentialKindRule.euDefault(), CredentialKind.ATTESTATION));
        CredentialVerdict accepted = verify(decisions(widened.forCredentialIssuers()), ANCHORED_ISSUER, ATTESTATION_VCT);
        assertThat(accepted.code()).as(trace(accepted)).isEqualTo(CredentialCode.OK);
        assertThat(trace(accepted)).contains("holds that role (anchor");
        // The widening is per kind: a PID still needs a PID provider.
        assertThat(verify(decisions(widened.forCredentialIssuers()), ANCHORED_ISSUER, WalletCredentials.VCT).code())
                .isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
    }

    @Test
    void the_credential_issuer_policy_accepts_only_the_role_types_and_keeps_its_own_name_apart() {
        VerificationPolicy issuers = VerificationPolicy.euEidas().forCredentialIssuers();

        assertThat(issuers.acceptedServiceTypes()).contains(ServiceTypes.EAA_Q, ServiceTypes.EAA_PUB);
        assertThat(issuers.name()).isEqualTo("eu-eidas/credential-issuers");
        assertThat(issuers.forCredentialIssuers()).isSameAs(issuers);
    }

    @Test
    void a_self_listed_attestation_issuer_holds_the_role_only_while_its_own_listing_counts() {
        CertificateDecisionService eu = decisions(VerificationPolicy.euEidas().forCredentialIssuers(), ListSource.accepted(SELF_LIST));

        CredentialVerdict granted = verify(eu, SELF_LISTED, ATTESTATION_VCT);
        assertThat(granted.code()).as(trace(granted)).isEqualTo(CredentialCode.OK);
        assertThat(trace(granted)).contains("the certificate is itself listed as RS / Role Self QEAA (EAA/Q, granted at the "
                + "certificate's issuance)").contains("holds that role");

        // Its CA (CA/QC) is granted, so the chain is trusted; its own EAA/Q listing was withdrawn in 2020, before it was issued.
        CredentialVerdict withdrawn = verify(eu, SELF_WITHDRAWN, ATTESTATION_VCT);
        assertThat(withdrawn.certificate()).get().satisfies(c -> assertThat(c.trusted()).isTrue());
        assertThat(withdrawn.code()).as(trace(withdrawn)).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
        assertThat(trace(withdrawn)).contains("Role Self QEAA withdrawn (EAA/Q, withdrawn at the certificate's issuance)")
                .contains("that role, but its own listing's status does not count");
    }

    @Test
    void a_self_listing_on_a_list_that_is_not_accepted_vouches_for_nothing() {
        // The same listing on a rejected list; the CA it chains to stays granted on an accepted one.
        TrustedList caOnly = TestSnapshot.list("RA", "Role Self CA TSP", TestSnapshot.service("Role Self CA/QC accepted",
                SELF_CA.intermediate().certificate(), Period.of(ServiceStatus.Kind.GRANTED, "2016-07-01T00:00:00Z")));
        CertificateDecisionService eu = decisions(VerificationPolicy.euEidas().forCredentialIssuers(), ListSource.accepted(caOnly),
                new ListSource(SELF_LIST, org.qtrust.core.certificate.index.ListedService.Standing.REJECTED_LIST, java.util.Optional.of("signature_invalid")));

        CredentialVerdict verdict = verify(eu, SELF_LISTED, ATTESTATION_VCT);

        assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
    }
}

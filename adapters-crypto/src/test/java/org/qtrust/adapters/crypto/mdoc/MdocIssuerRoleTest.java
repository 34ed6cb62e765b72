package org.qtrust.adapters.crypto.mdoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.certificate.BouncyCastleCertificateInspector;
import org.qtrust.adapters.crypto.certificate.fixtures.TestSnapshot;
import org.qtrust.adapters.crypto.certificate.fixtures.TestSnapshot.Period;
import org.qtrust.adapters.crypto.pki.CertificateBuilder;
import org.qtrust.adapters.crypto.pki.KeyAndCertificate;
import org.qtrust.adapters.crypto.pki.KeyUsage;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.index.ListSource;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.credential.mdoc.CoseAlgorithm;
import org.qtrust.core.credential.mdoc.MdocVerdict;
import org.qtrust.core.credential.mdoc.MdocVerificationService;
import org.qtrust.core.policy.CredentialIssuerPolicy;
import org.qtrust.core.policy.CredentialKind;
import org.qtrust.core.policy.CredentialKindRule;
import org.qtrust.core.policy.PlainTrustAnchor;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.ServiceStatus;
import org.qtrust.core.trustedlist.TrustedList;

/**
 * Issue 18 with issue 13.1: an mdoc's Document Signer goes through the same issuer-role check as an
 * SD-JWT VC's x5c — a PID only from a PID provider, an mDL only from an mDL provider. A DS under an
 * IACA that a trusted list names as a CA/QC (a qualified e-signature CA) or an EAA/Q service mints
 * no PID and no mDL; the trace names the role needed and the service found.
 */
class MdocIssuerRoleTest {

    private static final MdocWorld WORLD = new MdocWorld();
    private static final String PID = "eu.europa.ec.eudi.pid.1";
    private static final String HEALTH = "eu.europa.ec.eudi.hiid.1";

    private static final KeyAndCertificate QC_IACA = iaca("CN=Role QC IACA, C=UT", 11);
    private static final KeyAndCertificate EAA_IACA = iaca("CN=Role EAA IACA, C=UT", 12);
    private static final KeyAndCertificate QC_DS = MdocWorld.ds("CN=Role QC DS, C=UT", QC_IACA, MdocVerificationService.DS_EXTENDED_KEY_USAGE);
    private static final KeyAndCertificate EAA_DS = MdocWorld.ds("CN=Role EAA DS, C=UT", EAA_IACA, MdocVerificationService.DS_EXTENDED_KEY_USAGE);
    private static final TrustedList LIST = TestSnapshot.list("UT", "Role Test TSP",
            TestSnapshot.service("Role Test CA/QC", QC_IACA.certificate(), Period.of(ServiceStatus.Kind.GRANTED, "2016-07-01T00:00:00Z")),
            TestSnapshot.service("Role Test QEAA", EAA_IACA.certificate(),
                    Period.of(ServiceStatus.Kind.GRANTED, "2016-07-01T00:00:00Z").type(ServiceTypes.EAA_Q)));

    private static KeyAndCertificate iaca(String subject, int serial) {
        return CertificateBuilder.subject(subject, MdocWorld.keys("secp256r1"), BigInteger.valueOf(serial)).selfSigned()
                .validity(Instant.parse("2015-01-01T00:00:00Z"), Instant.parse("2035-01-01T00:00:00Z")).ca(0)
                .keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).issue();
    }

    private static MdocVerificationService verifier(VerificationPolicy policy) {
        BouncyCastleCertificateInspector inspector = new BouncyCastleCertificateInspector();
        CertificateDecisionService decisions = new CertificateDecisionService(TrustedServiceIndex.build(
                List.of(ListSource.accepted(LIST)), policy.plainAnchors(), inspector), inspector, policy.withRevocation(RevocationMode.OFF));
        return MdocVerificationService.offline(new IssuerTrust.CertificateChain(decisions), WORLD.cbor, WORLD.cose, WORLD.jose);
    }

    private static MdocVerdict verify(VerificationPolicy policy, KeyAndCertificate signer, String docType) {
        MdocIssuer issuer = WORLD.issuer(signer);
        byte[] response = issuer.deviceResponse(docType, issuer.issue(WORLD.mdl().withDocType(docType)), WORLD.device.getPrivate(),
                CoseAlgorithm.ES256, WORLD.transcript());
        return verifier(policy).verify(WORLD.check(response));
    }

    private static String trace(MdocVerdict verdict) {
        return String.join("\n", verdict.trace());
    }

    @Test
    void an_mdl_or_a_pid_whose_ds_is_under_a_qualified_esignature_ca_is_not_trusted_and_the_trace_names_the_role() {
        // eu-eidas as cert verify applies it (CA/QC granted): the chain is trusted, its role is no mDL or PID provider's.
        for (String docType : List.of(MdocWorld.MDL, PID)) {
            MdocVerdict verdict = verify(VerificationPolicy.euEidas(), QC_DS, docType);

            assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
            assertThat(verdict.certificate()).get().satisfies(c -> assertThat(c.trusted()).isTrue());
            assertThat(verdict.elements()).isEmpty();
            assertThat(trace(verdict)).contains("Role Test CA/QC (CA/QC, granted at the certificate's issuance): not that role");
        }
        assertThat(trace(verify(VerificationPolicy.euEidas(), QC_DS, MdocWorld.MDL)))
                .contains("kind: mdl").contains("a credential of kind mdl is issued only through [LoTE urn:qtrust:lote:type:mDLProvidersList");
        assertThat(trace(verify(VerificationPolicy.euEidas(), QC_DS, PID)))
                .contains("kind: pid").contains("a credential of kind pid is issued only through [LoTE EUPIDProvidersList [PID/Issuance]]");
    }

    @Test
    void under_the_credential_issuer_policy_the_ca_qc_chain_is_not_trusted_at_all() {
        MdocVerdict verdict = verify(VerificationPolicy.euEidas().forCredentialIssuers(), QC_DS, MdocWorld.MDL);

        assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
        assertThat(trace(verdict)).contains("issuer role: policy").contains("kind mdl");
    }

    @Test
    void an_eaa_q_service_vouches_for_an_attestation_mdoc_but_not_for_a_pid_or_an_mdl() {
        VerificationPolicy issuers = VerificationPolicy.euEidas().forCredentialIssuers();

        MdocVerdict attestation = verify(issuers, EAA_DS, HEALTH);
        assertThat(attestation.code()).as(trace(attestation)).isEqualTo(CredentialCode.OK);
        assertThat(trace(attestation)).contains("kind: attestation")
                .contains("Role Test QEAA (EAA/Q, granted at the certificate's issuance): holds that role");
        for (String docType : List.of(PID, MdocWorld.MDL)) {
            MdocVerdict refused = verify(issuers, EAA_DS, docType);
            assertThat(refused.code()).as(trace(refused)).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
            assertThat(trace(refused)).contains("(EAA/Q, granted at the certificate's issuance): not that role");
        }
    }

    @Test
    void a_policy_kind_rule_cannot_turn_a_pid_or_an_mdl_doc_type_into_an_attestation() {
        CredentialKindRule everythingAnAttestation = new CredentialKindRule(java.util.Map.of(PID, CredentialKind.ATTESTATION,
                MdocWorld.MDL, CredentialKind.ATTESTATION), CredentialKind.ATTESTATION);
        VerificationPolicy policy = VerificationPolicy.euEidas().withCredentialIssuers(
                new CredentialIssuerPolicy(everythingAnAttestation, CredentialIssuerPolicy.euDefault().trust())).forCredentialIssuers();

        assertThat(MdocVerificationService.kindOf(PID, everythingAnAttestation)).isEqualTo(CredentialKind.PID);
        assertThat(MdocVerificationService.kindOf(MdocWorld.MDL, everythingAnAttestation)).isEqualTo(CredentialKind.MDL);
        assertThat(MdocVerificationService.kindOf(HEALTH, everythingAnAttestation)).isEqualTo(CredentialKind.ATTESTATION);
        assertThat(verify(policy, EAA_DS, PID).code()).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
        assertThat(verify(policy, EAA_DS, MdocWorld.MDL).code()).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
    }

    @Test
    void a_plain_anchor_vouches_for_an_mdl_issuer_only_when_the_policy_names_the_anchor_source_for_mdls() {
        PlainTrustAnchor anchor = new PlainTrustAnchor("UT", "Utopia IACA", ServiceCertificate.of(WORLD.iaca.certificate()));
        VerificationPolicy anchored = VerificationPolicy.euEidas().withAdditionalAnchors(List.of(anchor));

        MdocVerdict refused = verify(anchored.forCredentialIssuers(), WORLD.documentSigner, MdocWorld.MDL);
        assertThat(refused.code()).as(trace(refused)).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
        assertThat(trace(refused)).contains("(a plain trust anchor): not that role");

        VerificationPolicy widened = anchored.withCredentialIssuers(
                CredentialIssuerPolicy.anchorsFor(CredentialKindRule.euDefault(), CredentialKind.MDL)).forCredentialIssuers();
        MdocVerdict accepted = verify(widened, WORLD.documentSigner, MdocWorld.MDL);
        assertThat(accepted.code()).as(trace(accepted)).isEqualTo(CredentialCode.OK);
        assertThat(trace(accepted)).contains("holds that role (anchor");
        // The widening is per kind: a PID under the same anchor still needs a PID provider.
        assertThat(verify(widened, WORLD.documentSigner, PID).code()).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
    }
}

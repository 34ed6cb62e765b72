package org.qtrust.cli.lote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qtrust.adapters.crypto.certificate.BouncyCastleCertificateInspector;
import org.qtrust.adapters.crypto.jades.JadesListSignatureVerifier;
import org.qtrust.adapters.crypto.jades.LoteListSignatureVerifier;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.TestLists;
import org.qtrust.adapters.crypto.testpki.TestLotes;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.crypto.xades.XadesListSignatureVerifier;
import org.qtrust.adapters.xml.lote.LoteDocumentReader;
import org.qtrust.core.certificate.VerdictCode;
import org.qtrust.core.lote.LoteIdentifiers;
import org.qtrust.core.lote.loading.LoteLoadRequest;
import org.qtrust.core.lote.loading.LoteLoader;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.policy.CredentialKind;
import org.qtrust.core.policy.IssuerTrustPolicy;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustsource.IssuerKey;
import org.qtrust.core.trustsource.IssuerTrustQuery;
import org.qtrust.core.trustsource.IssuerTrustService;
import org.qtrust.core.trustsource.IssuerTrustVerdict;
import org.qtrust.core.trustsource.TrustSources;

/**
 * A PID issuer is trusted through an EU PID providers list (TS 119 602 Annex D) that the
 * configured operator signed, that is current and not rolled back, where the provider's service
 * was in force when the credential was issued — with the real readers and verifiers, in both forms.
 */
class LoteTrustEndToEndTest {

    enum Form { JSON, XML }

    private static final TestPki PKI = TestPki.create("LoTE End To End");
    private static final Credential OPERATOR = PKI.endEntity("PID List Operator").issue();
    private static final Credential IMPOSTOR = PKI.endEntity("Not The Operator").issue();
    private static final Credential PROVIDER = PKI.endEntity("PID Provider A Signer").issue();
    private static final Credential OTHER_PROVIDER = PKI.endEntity("PID Provider B Signer").issue();

    private static final Instant NOTIFIED_SINCE = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant WITHDRAWN_SINCE = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant BEFORE_WITHDRAWAL = Instant.parse("2026-01-15T00:00:00Z");
    private static final Instant AFTER_WITHDRAWAL = Instant.parse("2026-02-15T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private final LoteLoader loader = new LoteLoader(new LoteDocumentReader(),
            new LoteListSignatureVerifier(new XadesListSignatureVerifier(), new JadesListSignatureVerifier()));
    private final BouncyCastleCertificateInspector inspector = new BouncyCastleCertificateInspector();

    private static TestLotes.LoteBuilder pidList(int sequence) {
        return TestLotes.pidProviders().sequenceNumber(sequence)
                .entity("PID Provider A", TestLotes.service("PID A issuance", TestLotes.PID_ISSUANCE, PROVIDER.certificate()));
    }

    private static TestLotes.LoteBuilder withdrawnList() {
        return TestLotes.pidProviders().sequenceNumber(4)
                .entity("PID Provider A", TestLotes.service("PID A issuance", TestLotes.PID_ISSUANCE, PROVIDER.certificate())
                        .status(TestLotes.WITHDRAWN, WITHDRAWN_SINCE).history(TestLotes.NOTIFIED, NOTIFIED_SINCE));
    }

    private static String signed(TestLotes.LoteBuilder list, Form form, Credential signer) {
        return form == Form.JSON ? list.signedJson(signer) : list.signedXml(signer);
    }

    private LoteVerdict load(String document, Instant at, LoteVerdict... earlier) {
        LoteLoadRequest request = LoteLoadRequest.of(new ListDocument("pid-providers", document.getBytes(StandardCharsets.UTF_8)),
                List.of(OPERATOR.serviceCertificate()), at);
        return loader.load(request.after(java.util.Arrays.stream(earlier).flatMap(v -> v.list().stream()).toList()));
    }

    private IssuerTrustVerdict pidIssuer(LoteVerdict verdict, Credential issuer, Instant issuedAt, Instant at) {
        IssuerTrustService service = new IssuerTrustService(TrustSources.of(List.of(verdict), Optional.empty(), inspector),
                IssuerTrustPolicy.euDefault(), inspector);
        return service.check(new IssuerTrustQuery(CredentialKind.PID, IssuerKey.chain(List.of(der(issuer))), issuedAt, at));
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    @DisplayName("accepted list: a listed PID provider's credential is trusted through the PID providers list")
    void accepted_list_vouches_for_its_pid_provider(Form form) {
        LoteVerdict list = load(signed(pidList(3), form, OPERATOR), NOW);
        IssuerTrustVerdict verdict = pidIssuer(list, PROVIDER, BEFORE_WITHDRAWAL, NOW);

        assertThat(list.accepted()).as(String.join("\n", list.trace())).isTrue();
        assertThat(verdict.trusted()).as(String.join("\n", verdict.trace())).isTrue();
        assertThat(verdict.trustSource()).contains("LoTE");
        assertThat(verdict.list().orElseThrow().type()).isEqualTo(LoteIdentifiers.EU_PID_PROVIDERS_LIST);
        assertThat(verdict.list().orElseThrow().sequenceNumber()).isEqualTo(3);
        assertThat(verdict.entity()).contains("PID Provider A");
        assertThat(verdict.service().orElseThrow().type()).isEqualTo(LoteIdentifiers.PID_ISSUANCE);
        assertThat(verdict.service().orElseThrow().statusAtIssuance()).contains(LoteIdentifiers.LISTED);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void a_provider_not_on_the_list_is_not_trusted_and_the_trace_names_the_list(Form form) {
        LoteVerdict list = load(signed(pidList(3), form, OPERATOR), NOW);
        IssuerTrustVerdict verdict = pidIssuer(list, OTHER_PROVIDER, BEFORE_WITHDRAWAL, NOW);

        assertThat(verdict.code()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
        assertThat(verdict.trace()).anySatisfy(line -> assertThat(line).contains("EUPIDProvidersList (EU", "seq 3",
                "no service on it holds the issuer's key"));
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void bad_signature_rejects_the_list_and_nothing_on_it_is_trusted(Form form) {
        LoteVerdict impostor = load(signed(pidList(3), form, IMPOSTOR), NOW);
        String genuine = signed(pidList(3), form, OPERATOR);
        String tampered = form == Form.XML ? genuine.replace("PID A issuance", "PID X issuance")
                : tamperJws(genuine);
        LoteVerdict changed = load(tampered, NOW);

        assertThat(impostor.rejection()).contains(ListRejection.SIGNER_NOT_TRUSTED);
        assertThat(changed.rejection()).contains(ListRejection.SIGNATURE_INVALID);
        assertThat(pidIssuer(impostor, PROVIDER, BEFORE_WITHDRAWAL, NOW).code()).isEqualTo(VerdictCode.LIST_NOT_TRUSTED);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void a_lower_sequence_number_than_the_accepted_list_is_a_rollback(Form form) {
        LoteVerdict current = load(signed(pidList(5), form, OPERATOR), NOW);
        LoteVerdict replayed = load(signed(pidList(4), form, OPERATOR), NOW, current);
        LoteVerdict next = load(signed(pidList(6), form, OPERATOR), NOW, current);

        assertThat(current.accepted()).isTrue();
        assertThat(replayed.rejection()).contains(ListRejection.ROLLBACK);
        assertThat(replayed.trace()).anySatisfy(line -> assertThat(line).contains("lower than 5"));
        assertThat(next.accepted()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    @DisplayName("key rollover: the pointer of an accepted list announces the signer of the next list of its type")
    void an_accepted_list_s_pointer_announces_its_successor_s_signer(Form form) {
        Credential successor = PKI.endEntity("PID List Operator 2027").issue();
        LoteVerdict current = load(signed(pidList(5).pointer("https://lists.test/pid-providers", TestLotes.EU_PID_PROVIDERS_LIST,
                successor.certificate()), form, OPERATOR), NOW);
        String next = signed(pidList(6), form, successor);

        assertThat(current.list().orElseThrow().scheme().pointers()).singleElement()
                .satisfies(p -> assertThat(p.signers()).containsExactly(successor.serviceCertificate()));
        assertThat(load(next, NOW, current).accepted()).isTrue();
        assertThat(load(next, NOW).rejection()).contains(ListRejection.SIGNER_NOT_TRUSTED);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void a_list_past_its_next_update_is_expired_and_vouches_for_nobody(Form form) {
        Instant afterNextUpdate = TestLotes.DEFAULT_NEXT_UPDATE.plusSeconds(1);
        LoteVerdict expired = load(signed(pidList(3), form, OPERATOR), afterNextUpdate);

        assertThat(expired.rejection()).contains(ListRejection.EXPIRED);
        assertThat(pidIssuer(expired, PROVIDER, BEFORE_WITHDRAWAL, afterNextUpdate).code()).isEqualTo(VerdictCode.LIST_NOT_TRUSTED);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    @DisplayName("withdrawn after issuance: the credential issued while the service was notified stays trusted")
    void withdrawn_after_issuance(Form form) {
        LoteVerdict list = load(signed(withdrawnList(), form, OPERATOR), NOW);
        IssuerTrustVerdict verdict = pidIssuer(list, PROVIDER, BEFORE_WITHDRAWAL, NOW);

        assertThat(verdict.trusted()).as(String.join("\n", verdict.trace())).isTrue();
        assertThat(verdict.service().orElseThrow().statusAtIssuance()).contains(LoteIdentifiers.PUB_EAA_NOTIFIED);
        assertThat(verdict.service().orElseThrow().statusAtValidationTime()).contains(LoteIdentifiers.PUB_EAA_WITHDRAWN);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    @DisplayName("withdrawn before issuance: issuer_not_trusted, and the trace names the list")
    void withdrawn_before_issuance(Form form) {
        LoteVerdict list = load(signed(withdrawnList(), form, OPERATOR), NOW);
        IssuerTrustVerdict verdict = pidIssuer(list, PROVIDER, AFTER_WITHDRAWAL, NOW);

        assertThat(verdict.code()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
        assertThat(verdict.list().orElseThrow().type()).isEqualTo(LoteIdentifiers.EU_PID_PROVIDERS_LIST);
        assertThat(verdict.trace()).anySatisfy(line -> assertThat(line)
                .contains("status at issuance", "withdrawn since 2026-02-01", "EUPIDProvidersList (EU", "seq 4", "not accepted"));
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void a_pid_provider_listing_its_ca_vouches_for_certificates_that_ca_signed(Form form) {
        Credential ca = PKI.intermediate();
        LoteVerdict list = load(signed(TestLotes.pidProviders().entity("PID Provider CA",
                TestLotes.service("PID issuance CA", TestLotes.PID_ISSUANCE, ca.certificate())), form, OPERATOR), NOW);

        IssuerTrustVerdict verdict = pidIssuer(list, OTHER_PROVIDER, BEFORE_WITHDRAWAL, NOW);

        assertThat(verdict.trusted()).as(String.join("\n", verdict.trace())).isTrue();
        assertThat(verdict.entity()).contains("PID Provider CA");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void a_provider_on_another_kind_of_list_is_not_a_pid_provider(Form form) {
        LoteVerdict pubEaa = load(signed(TestLotes.pubEaaProviders().entity("Public Body",
                TestLotes.service("Attestations", TestLotes.PUB_EAA_ISSUANCE, PROVIDER.certificate())
                        .status(TestLotes.NOTIFIED, NOTIFIED_SINCE)), form, OPERATOR), NOW);
        IssuerTrustService service = new IssuerTrustService(TrustSources.of(List.of(pubEaa), Optional.empty(), inspector),
                IssuerTrustPolicy.euDefault(), inspector);

        IssuerTrustVerdict asPid = service.check(new IssuerTrustQuery(CredentialKind.PID, IssuerKey.chain(List.of(der(PROVIDER))),
                BEFORE_WITHDRAWAL, NOW));
        IssuerTrustVerdict asAttestation = service.check(new IssuerTrustQuery(CredentialKind.ATTESTATION,
                IssuerKey.chain(List.of(der(PROVIDER))), BEFORE_WITHDRAWAL, NOW));

        assertThat(asPid.code()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
        assertThat(asPid.trace()).anySatisfy(line -> assertThat(line).contains("EUPIDProvidersList", "no such list loaded"));
        assertThat(asAttestation.trusted()).as(String.join("\n", asAttestation.trace())).isTrue();
        assertThat(asAttestation.list().orElseThrow().type()).isEqualTo(LoteIdentifiers.EU_PUB_EAA_PROVIDERS_LIST);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    @DisplayName("an attestation issuer is trusted through a QEAA service granted on an accepted EU trusted list, by policy")
    void attestations_also_count_through_a_qualified_eaa_service_on_a_trusted_list(Form form) throws Exception {
        LoteVerdict pubEaa = load(signed(TestLotes.pubEaaProviders(), form, OPERATOR), NOW);
        String be = TestLists.trustedList("BE").service(TestLists.service("Test QEAA", ServiceTypes.EAA_Q, PROVIDER.certificate())
                .status(TestLists.GRANTED, NOTIFIED_SINCE)).build();
        TrustSources sources = TrustSources.of(List.of(pubEaa), Optional.of(AcceptedTrustedList.report("BE", be, NOW)), inspector);

        IssuerTrustVerdict verdict = new IssuerTrustService(sources, IssuerTrustPolicy.euDefault(), inspector)
                .check(new IssuerTrustQuery(CredentialKind.ATTESTATION, IssuerKey.chain(List.of(der(PROVIDER))), BEFORE_WITHDRAWAL, NOW));

        assertThat(verdict.trusted()).as(String.join("\n", verdict.trace())).isTrue();
        assertThat(verdict.trustSource()).contains("TL");
        assertThat(verdict.list().orElseThrow().territory()).isEqualTo("BE");
        assertThat(verdict.service().orElseThrow().type()).isEqualTo(ServiceTypes.EAA_Q);
    }

    /** Says "revoked" (OCSP, since 2026-01-20) for {@code revoked}'s serial, "good" for any other certificate; counts the questions. */
    private static final class FakeRevocation implements org.qtrust.core.revocation.RevocationChecker {
        final java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        final java.math.BigInteger revoked;

        FakeRevocation(Credential revoked) {
            this.revoked = revoked.certificate().getSerialNumber();
        }

        @Override
        public org.qtrust.core.revocation.RevocationOutcome check(java.security.cert.X509Certificate certificate,
                java.security.cert.X509Certificate issuer, org.qtrust.core.revocation.RevocationQuery query) {
            asked.incrementAndGet();
            boolean isRevoked = certificate.getSerialNumber().equals(revoked);
            return new org.qtrust.core.revocation.RevocationOutcome(isRevoked ? org.qtrust.core.revocation.RevocationStatus.REVOKED
                    : org.qtrust.core.revocation.RevocationStatus.GOOD, true, Optional.of(org.qtrust.core.revocation.RevocationSource.OCSP),
                    Optional.empty(), Optional.of(Instant.parse("2026-02-20T00:00:00Z")), Optional.empty(),
                    isRevoked ? Optional.of(Instant.parse("2026-01-20T00:00:00Z")) : Optional.empty(), Optional.empty(),
                    List.of(isRevoked ? "ocsp: revoked" : "ocsp: good"));
        }
    }

    private IssuerTrustVerdict pidIssuerWithRevocation(LoteVerdict verdict, Credential issuer, FakeRevocation checker,
                                                       org.qtrust.core.revocation.RevocationMode mode) {
        IssuerTrustService service = new IssuerTrustService(TrustSources.of(List.of(verdict), Optional.empty(), inspector),
                IssuerTrustPolicy.euDefault(), inspector, org.qtrust.core.policy.VerificationPolicy.ts119312(), Optional.of(checker), mode);
        return service.check(new IssuerTrustQuery(CredentialKind.PID, IssuerKey.chain(List.of(der(issuer))), BEFORE_WITHDRAWAL, NOW));
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    @DisplayName("issue 13.7: the issuer's chain under a listed CA is checked for revocation as on the trusted-list path")
    void a_revoked_issuer_certificate_under_a_listed_pid_provider_ca_is_not_trusted(Form form) {
        LoteVerdict list = load(signed(TestLotes.pidProviders().entity("PID Provider CA",
                TestLotes.service("PID issuance CA", TestLotes.PID_ISSUANCE, PKI.intermediate().certificate())), form, OPERATOR), NOW);

        IssuerTrustVerdict revoked = pidIssuerWithRevocation(list, OTHER_PROVIDER, new FakeRevocation(OTHER_PROVIDER),
                org.qtrust.core.revocation.RevocationMode.PREFER);
        assertThat(revoked.trusted()).isFalse();
        assertThat(revoked.code()).as(String.join("\n", revoked.trace())).isEqualTo(VerdictCode.CERTIFICATE_REVOKED);
        assertThat(revoked.trace()).anySatisfy(line -> assertThat(line).contains("revocation (certificate): ocsp: revoked"));

        FakeRevocation goodAnswers = new FakeRevocation(PROVIDER);
        IssuerTrustVerdict good = pidIssuerWithRevocation(list, OTHER_PROVIDER, goodAnswers, org.qtrust.core.revocation.RevocationMode.REQUIRE);
        assertThat(good.trusted()).as(String.join("\n", good.trace())).isTrue();
        assertThat(goodAnswers.asked.get()).isPositive();

        FakeRevocation off = new FakeRevocation(OTHER_PROVIDER);
        IssuerTrustVerdict unchecked = pidIssuerWithRevocation(list, OTHER_PROVIDER, off, org.qtrust.core.revocation.RevocationMode.OFF);
        assertThat(unchecked.trusted()).isTrue();
        assertThat(off.asked.get()).isZero();
        assertThat(unchecked.trace()).anySatisfy(line -> assertThat(line).contains("revocation: mode off, the issuer's chain is not consulted"));
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void an_issuer_whose_own_key_is_listed_is_judged_by_its_listing_not_asked_about(Form form) {
        LoteVerdict list = load(signed(pidList(3), form, OPERATOR), NOW);
        FakeRevocation checker = new FakeRevocation(PROVIDER);

        IssuerTrustVerdict verdict = pidIssuerWithRevocation(list, PROVIDER, checker, org.qtrust.core.revocation.RevocationMode.REQUIRE);

        assertThat(verdict.trusted()).as(String.join("\n", verdict.trace())).isTrue();
        assertThat(checker.asked.get()).isZero();
        assertThat(verdict.trace()).anySatisfy(line -> assertThat(line).contains("its status is the list's to say"));
    }

    private static String tamperJws(String compact) {
        String[] parts = compact.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("PID A issuance", "PID X issuance");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static byte[] der(Credential credential) {
        return credential.serviceCertificate().der();
    }
}

package org.qtrust.core.lote.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.lote.LoteIdentifiers;
import org.qtrust.core.lote.LotePointer;
import org.qtrust.core.lote.LoteScheme;
import org.qtrust.core.lote.port.LoteDocumentSource;
import org.qtrust.core.lote.port.LoteReader;
import org.qtrust.core.lote.port.LoteSignatureVerifier;
import org.qtrust.core.testing.SharedData;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.MultilingualText;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.SignatureCheck.Failure;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.port.MalformedListException;

/** TS 119 602 §6.3.2, §6.3.14, §6.3.15, §6.8 as the loader applies them, with the ports stubbed. */
class LoteLoaderTest {

    private static final ServiceCertificate SIGNER = SharedData.officialJournalCertificates().get(0);
    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NEXT_UPDATE = Instant.parse("2026-07-01T00:00:00Z");
    private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");
    private static final ListDocument DOCUMENT = new ListDocument("pid.jws", new byte[] {1});

    private static ListOfTrustedEntities list(String type, String territory, int sequence, Instant issued, Instant nextUpdate) {
        return new ListOfTrustedEntities(new LoteScheme(1, BigInteger.valueOf(sequence), type, MultilingualText.english("Operator"),
                territory, "", issued, Optional.ofNullable(nextUpdate), List.of()), List.of(), ListOfTrustedEntities.Format.JSON);
    }

    private static ListOfTrustedEntities pid(int sequence) {
        return list(LoteIdentifiers.EU_PID_PROVIDERS_LIST, "EU", sequence, ISSUED, NEXT_UPDATE);
    }

    private static final LoteSignatureVerifier VALID = (document, signers) -> SignatureCheck.valid(SIGNER, "CN=Operator", "verified");

    private static LoteVerdict load(ListOfTrustedEntities read, LoteSignatureVerifier verifier, Instant at,
                                    ListAcceptancePolicy policy, List<ListOfTrustedEntities> earlier) {
        LoteReader reader = document -> read;
        return new LoteLoader(reader, verifier).load(new LoteLoadRequest(DOCUMENT, List.of(SIGNER), earlier, at, policy));
    }

    private static LoteVerdict load(ListOfTrustedEntities read, Instant at) {
        return load(read, VALID, at, ListAcceptancePolicy.STRICT, List.of());
    }

    @Test
    void a_list_signed_by_its_signer_issued_and_not_yet_due_is_accepted() {
        LoteVerdict verdict = load(pid(3), AT);

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.stale()).isFalse();
        assertThat(verdict.trace()).contains("accepted").anySatisfy(line -> assertThat(line).contains("EUPIDProvidersList EU seq 3"));
    }

    @Test
    void every_signature_failure_rejects_the_list_with_its_code() {
        LoteSignatureVerifier impostor = (d, s) -> SignatureCheck.failed(Failure.SIGNER_NOT_TRUSTED, Optional.empty(), "CN=X", "someone else");
        LoteSignatureVerifier broken = (d, s) -> SignatureCheck.failed(Failure.CRYPTOGRAPHIC_FAILURE, Optional.empty(), "", "changed");
        LoteSignatureVerifier unsigned = (d, s) -> SignatureCheck.failed(Failure.MISSING, Optional.empty(), "", "no JWS");

        assertThat(load(pid(3), impostor, AT, ListAcceptancePolicy.STRICT, List.of()).rejection()).contains(ListRejection.SIGNER_NOT_TRUSTED);
        assertThat(load(pid(3), broken, AT, ListAcceptancePolicy.STRICT, List.of()).rejection()).contains(ListRejection.SIGNATURE_INVALID);
        assertThat(load(pid(3), unsigned, AT, ListAcceptancePolicy.STRICT, List.of()).rejection()).contains(ListRejection.SIGNATURE_MISSING);
    }

    @Test
    void a_sequence_number_below_the_accepted_one_of_the_same_list_is_a_rollback() {
        List<ListOfTrustedEntities> accepted = List.of(pid(4), pid(7));

        assertThat(load(pid(6), VALID, AT, ListAcceptancePolicy.STRICT, accepted).rejection()).contains(ListRejection.ROLLBACK);
        assertThat(load(pid(7), VALID, AT, ListAcceptancePolicy.STRICT, accepted).accepted()).isTrue();
        assertThat(load(pid(8), VALID, AT, ListAcceptancePolicy.STRICT, accepted).accepted()).isTrue();
    }

    @Test
    void another_list_type_or_territory_is_no_rollback_reference() {
        List<ListOfTrustedEntities> others = List.of(list(LoteIdentifiers.EU_WALLET_PROVIDERS_LIST, "EU", 9, ISSUED, NEXT_UPDATE),
                list(LoteIdentifiers.EU_PID_PROVIDERS_LIST, "DE", 9, ISSUED, NEXT_UPDATE));

        assertThat(load(pid(3), VALID, AT, ListAcceptancePolicy.STRICT, others).accepted()).isTrue();
    }

    @Test
    void an_accepted_list_s_pointer_announces_further_signers_for_lists_of_its_type() {
        ServiceCertificate successor = SharedData.officialJournalCertificates().get(1);
        ListOfTrustedEntities withPointer = new ListOfTrustedEntities(new LoteScheme(1, BigInteger.valueOf(3),
                LoteIdentifiers.EU_PID_PROVIDERS_LIST, MultilingualText.english("Operator"), "EU", "", ISSUED,
                Optional.of(NEXT_UPDATE), List.of(new LotePointer("https://lists.test/pid.jws", LoteIdentifiers.EU_PID_PROVIDERS_LIST,
                        "EU", "application/jose", List.of(successor)))), List.of(), ListOfTrustedEntities.Format.JSON);
        LoteSignatureVerifier onlySuccessor = (document, signers) -> signers.contains(successor)
                ? SignatureCheck.valid(successor, "CN=Successor", "verified")
                : SignatureCheck.failed(Failure.SIGNER_NOT_TRUSTED, Optional.empty(), "CN=Successor", "not expected");

        LoteVerdict announced = load(pid(4), onlySuccessor, AT, ListAcceptancePolicy.STRICT, List.of(withPointer));
        LoteVerdict notAnnounced = load(pid(4), onlySuccessor, AT, ListAcceptancePolicy.STRICT, List.of());
        LoteVerdict otherType = load(list(LoteIdentifiers.EU_WALLET_PROVIDERS_LIST, "EU", 4, ISSUED, NEXT_UPDATE), onlySuccessor,
                AT, ListAcceptancePolicy.STRICT, List.of(withPointer));

        assertThat(announced.accepted()).isTrue();
        assertThat(announced.trace()).anySatisfy(line -> assertThat(line).contains("announced by the pointer"));
        assertThat(notAnnounced.rejection()).contains(ListRejection.SIGNER_NOT_TRUSTED);
        assertThat(otherType.rejection()).contains(ListRejection.SIGNER_NOT_TRUSTED);
    }

    @Test
    void next_update_is_honoured_at_the_validation_time() {
        assertThat(load(pid(3), NEXT_UPDATE).rejection()).contains(ListRejection.EXPIRED);
        assertThat(load(list(LoteIdentifiers.EU_PID_PROVIDERS_LIST, "EU", 3, ISSUED, null), AT).rejection())
                .contains(ListRejection.EXPIRED);
        assertThat(load(pid(3), ISSUED.minusSeconds(1)).rejection()).contains(ListRejection.NOT_YET_ISSUED);
    }

    @Test
    void within_the_grace_period_an_expired_list_is_accepted_as_stale() {
        LoteVerdict verdict = load(pid(3), VALID, NEXT_UPDATE.plus(Duration.ofDays(2)),
                new ListAcceptancePolicy(Duration.ofDays(7)), List.of());

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.stale()).isTrue();
    }

    @Test
    void an_unreadable_document_is_rejected_with_the_reader_s_problem_and_never_verified() {
        LoteReader reader = document -> {
            throw new MalformedListException(MalformedListException.Problem.UNSAFE_XML, "DOCTYPE");
        };
        LoteSignatureVerifier mustNotBeCalled = (d, s) -> {
            throw new AssertionError("an unreadable list is not verified");
        };

        LoteVerdict verdict = new LoteLoader(reader, mustNotBeCalled).load(LoteLoadRequest.of(DOCUMENT, List.of(SIGNER), AT));

        assertThat(verdict.rejection()).contains(ListRejection.UNSAFE_XML);
        assertThat(verdict.list()).isEmpty();
    }

    @Test
    void lists_are_judged_in_order_and_an_accepted_one_is_the_rollback_reference_for_the_lists_after_it() {
        java.util.Map<String, ListOfTrustedEntities> published = java.util.Map.of("a.jws", pid(5), "b.jws", pid(4), "c.jws", pid(6));
        LoteReader reader = document -> published.get(document.location());
        LoteDocumentSource documents = location -> location.equals("gone.jws")
                ? new DocumentLookup.Unavailable("no such file")
                : new DocumentLookup.Found(new ListDocument(location, new byte[] {1}));

        List<LoteVerdict> verdicts = new LoteLoader(reader, VALID).loadInOrder(new LoteSourcesRequest(
                List.of("a.jws", "b.jws", "gone.jws", "c.jws"), List.of(SIGNER), List.of(), AT, ListAcceptancePolicy.STRICT), documents);

        assertThat(verdicts).extracting(LoteVerdict::location).containsExactly("a.jws", "b.jws", "gone.jws", "c.jws");
        assertThat(verdicts.get(0).accepted()).isTrue();
        assertThat(verdicts.get(1).rejection()).contains(ListRejection.ROLLBACK);
        assertThat(verdicts.get(2).rejection()).contains(ListRejection.UNAVAILABLE);
        assertThat(verdicts.get(3).accepted()).isTrue();
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a refresh never goes back: the lists an earlier load accepted stay rollback references")
    void lists_accepted_by_an_earlier_load_are_rollback_references() {
        LoteReader reader = document -> pid(4);
        LoteDocumentSource documents = location -> new DocumentLookup.Found(new ListDocument(location, new byte[] {1}));

        List<LoteVerdict> verdicts = new LoteLoader(reader, VALID).loadInOrder(new LoteSourcesRequest(List.of("pid.jws"),
                List.of(SIGNER), List.of(pid(5)), AT, ListAcceptancePolicy.STRICT), documents);

        assertThat(verdicts).singleElement().satisfies(v -> assertThat(v.rejection()).contains(ListRejection.ROLLBACK));
    }

    @Test
    void a_verdict_judged_again_at_another_time_has_only_its_dates_rejudged() {
        LoteVerdict now = load(pid(3), AT);
        LoteVerdict bad = load(pid(3), (d, s) -> SignatureCheck.failed(Failure.SIGNER_NOT_TRUSTED, Optional.empty(), "CN=X", "no"),
                AT, ListAcceptancePolicy.STRICT, List.of());

        LoteVerdict later = LoteLoader.judgedAt(now, NEXT_UPDATE.plusSeconds(1), ListAcceptancePolicy.STRICT);
        LoteVerdict before = LoteLoader.judgedAt(now, ISSUED.minusSeconds(1), ListAcceptancePolicy.STRICT);
        LoteVerdict back = LoteLoader.judgedAt(later, AT, ListAcceptancePolicy.STRICT);

        assertThat(later.rejection()).contains(ListRejection.EXPIRED);
        assertThat(later.trace()).doesNotContain("accepted").last().isEqualTo("rejected: list_expired");
        assertThat(before.rejection()).contains(ListRejection.NOT_YET_ISSUED);
        assertThat(back.accepted()).isTrue();
        assertThat(back.trace()).isEqualTo(now.trace());
        assertThat(LoteLoader.judgedAt(bad, AT.minusSeconds(60), ListAcceptancePolicy.STRICT)).isSameAs(bad);
    }
}

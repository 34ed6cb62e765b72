package org.qtrust.core.trustedlist.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qtrust.core.testing.SharedData;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ListPointer;
import org.qtrust.core.trustedlist.MultilingualText;
import org.qtrust.core.trustedlist.SchemeInformation;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.SignatureStatus;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.port.ListDocumentSource;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;
import org.qtrust.core.trustedlist.port.MalformedListException;
import org.qtrust.core.trustedlist.port.TrustedListReader;

/** The trust pipeline's rules, on a small world of lists whose reading and signing are faked. */
class TrustedListLoaderTest {

    private static final Instant AT = Instant.parse("2019-10-01T00:00:00Z");
    private static final String LOTL_URL = "https://ec.europa.eu/tools/lotl/eu-lotl.xml";
    private static final String OJ_URL = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=uriserv:OJ.C_.2019.276.01.0001.01.ENG";
    private static final List<ServiceCertificate> CERTS = SharedData.officialJournalCertificates();
    private static final ServiceCertificate OJ_SIGNER = CERTS.get(0);
    private static final ServiceCertificate PIVOT_SIGNER = CERTS.get(1);
    private static final ServiceCertificate NEW_LOTL_SIGNER = CERTS.get(2);
    private static final ServiceCertificate AT_SIGNER = CERTS.get(3);
    private static final ServiceCertificate BE_SIGNER = CERTS.get(4);
    private static final ServiceCertificate STRANGER = CERTS.get(5);

    private final World world = new World();

    @Test
    void a_lotl_signed_by_an_official_journal_certificate_is_accepted_and_each_list_is_judged_on_its_own() {
        world.lotl(OJ_SIGNER, List.of(), pointer("AT", AT_SIGNER), pointer("BE", BE_SIGNER));
        world.national("AT", AT_SIGNER, "2020-02-26T00:00:00Z");
        world.national("BE", STRANGER, "2020-02-26T00:00:00Z");

        TrustedListsReport report = world.load();

        assertThat(report.listOfLists().accepted()).isTrue();
        assertThat(verdict(report, "AT").accepted()).isTrue();
        assertThat(verdict(report, "BE").rejection()).contains(ListRejection.SIGNER_NOT_TRUSTED);
        assertThat(report.acceptedLists()).extracting(TrustedList::territory).containsExactly("AT");
    }

    @Test
    void a_territory_the_lotl_points_to_but_the_source_lacks_is_unavailable_and_never_fatal() {
        world.lotl(OJ_SIGNER, List.of(), pointer("AT", AT_SIGNER), pointer("DE", BE_SIGNER));
        world.national("AT", AT_SIGNER, "2020-02-26T00:00:00Z");

        TrustedListsReport report = world.load();

        assertThat(verdict(report, "DE").rejection()).contains(ListRejection.UNAVAILABLE);
        assertThat(verdict(report, "AT").accepted()).isTrue();
    }

    @Test
    void a_list_past_its_next_update_is_refused_as_expired_unless_the_policy_grants_a_grace_period() {
        world.lotl(OJ_SIGNER, List.of(), pointer("NL", AT_SIGNER));
        world.national("NL", AT_SIGNER, "2019-07-24T08:00:00Z");

        assertThat(verdict(world.load(), "NL").rejection()).contains(ListRejection.EXPIRED);
        assertThat(verdict(world.load(), "NL").trace()).anyMatch(line -> line.contains("expired"));

        ListVerdict withGrace = verdict(world.load(new ListAcceptancePolicy(Duration.ofDays(90))), "NL");
        assertThat(withGrace.accepted()).isTrue();
        assertThat(withGrace.stale()).isTrue();
    }

    @Test
    void a_list_issued_after_the_validation_time_is_not_yet_usable() {
        world.lotl(OJ_SIGNER, List.of(), pointer("AT", AT_SIGNER));
        world.national("AT", AT_SIGNER, "2020-02-26T00:00:00Z", "2019-12-01T00:00:00Z", "AT");

        assertThat(verdict(world.load(), "AT").rejection()).contains(ListRejection.NOT_YET_ISSUED);
    }

    @Test
    void a_list_whose_territory_differs_from_its_pointer_is_refused() {
        world.lotl(OJ_SIGNER, List.of(), pointer("BE", BE_SIGNER));
        world.national("BE", BE_SIGNER, "2020-02-26T00:00:00Z", "2019-06-13T00:00:00Z", "FR");

        ListVerdict verdict = world.load().lists().get(0);

        assertThat(verdict.rejection()).contains(ListRejection.TERRITORY_MISMATCH);
    }

    @Test
    void an_unreadable_list_is_refused_with_the_reader_s_reason() {
        world.lotl(OJ_SIGNER, List.of(), pointer("CZ", AT_SIGNER), pointer("AT", AT_SIGNER));
        world.national("AT", AT_SIGNER, "2020-02-26T00:00:00Z");
        world.malformed("CZ.xml", MalformedListException.Problem.NOT_WELL_FORMED);

        TrustedListsReport report = world.load();

        assertThat(verdict(report, "CZ").rejection()).contains(ListRejection.NOT_PARSABLE);
        assertThat(verdict(report, "AT").accepted()).isTrue();
    }

    @Test
    void a_lotl_not_signed_by_an_official_journal_certificate_is_not_trusted_and_no_list_is_used() {
        world.lotl(STRANGER, List.of(), pointer("AT", AT_SIGNER));
        world.national("AT", AT_SIGNER, "2020-02-26T00:00:00Z");

        TrustedListsReport report = world.load();

        assertThat(report.listOfLists().rejection()).contains(ListRejection.SIGNER_NOT_TRUSTED);
        assertThat(report.lists()).isEmpty();
        assertThat(report.acceptedLists()).isEmpty();
    }

    @Test
    void a_missing_lotl_is_unavailable() {
        TrustedListsReport report = world.load();

        assertThat(report.listOfLists().rejection()).contains(ListRejection.UNAVAILABLE);
    }

    @Test
    void a_lotl_signed_by_a_new_key_is_trusted_through_the_pivot_chain_from_the_official_journal() {
        world.lotl(NEW_LOTL_SIGNER, List.of("https://ec.europa.eu/tools/lotl/eu-lotl-pivot-300.xml",
                "https://ec.europa.eu/tools/lotl/eu-lotl-pivot-282.xml"), pointer("AT", AT_SIGNER));
        world.pivot("eu-lotl-pivot-282.xml", 282, OJ_SIGNER, PIVOT_SIGNER);
        world.pivot("eu-lotl-pivot-300.xml", 300, PIVOT_SIGNER, NEW_LOTL_SIGNER);
        world.national("AT", AT_SIGNER, "2020-02-26T00:00:00Z");

        TrustedListsReport report = world.load();

        assertThat(report.pivots()).hasSize(2).allMatch(ListVerdict::accepted);
        assertThat(report.listOfLists().accepted()).isTrue();
        assertThat(report.listOfLists().trace()).anyMatch(line -> line.contains("eu-lotl-pivot-300.xml verified"));
    }

    @Test
    void without_an_intermediate_pivot_the_chain_breaks_and_the_lotl_is_not_trusted() {
        world.lotl(NEW_LOTL_SIGNER, List.of("https://ec.europa.eu/tools/lotl/eu-lotl-pivot-300.xml",
                "https://ec.europa.eu/tools/lotl/eu-lotl-pivot-282.xml"), pointer("AT", AT_SIGNER));
        world.pivot("eu-lotl-pivot-300.xml", 300, PIVOT_SIGNER, NEW_LOTL_SIGNER);

        TrustedListsReport report = world.load();

        assertThat(report.listOfLists().rejection()).contains(ListRejection.SIGNER_NOT_TRUSTED);
    }

    @Test
    void pivots_listed_after_the_configured_official_journal_reference_are_not_followed() {
        TrustedList lotl = lotlList(List.of("https://x/p2.xml", OJ_URL, "https://x/p1.xml"));

        assertThat(TrustedListLoader.pivotUrls(lotl, Optional.of(OJ_URL))).containsExactly("https://x/p2.xml");
        assertThat(TrustedListLoader.pivotUrls(lotl, Optional.empty())).containsExactly("https://x/p2.xml");
    }

    private static ListVerdict verdict(TrustedListsReport report, String territory) {
        return report.lists().stream().filter(v -> v.location().territory().equals(territory)).findFirst()
                .orElseThrow(() -> new AssertionError("no verdict for " + territory));
    }

    private static ListPointer pointer(String territory, ServiceCertificate signer) {
        return new ListPointer("https://example.org/" + territory + "-tl.xml", territory,
                TrustedList.EU_GENERIC_TYPE, "application/vnd.etsi.tsl+xml", List.of(signer));
    }

    private static TrustedList lotlList(List<String> schemeUris, ListPointer... pointers) {
        List<String> uris = new ArrayList<>(schemeUris);
        uris.add(OJ_URL);
        return new TrustedList(new SchemeInformation(5, BigInteger.valueOf(248), TrustedList.EU_LOTL_TYPE,
                MultilingualText.english("European Commission"), "EU", Instant.parse("2019-09-04T08:00:00Z"),
                Optional.of(Instant.parse("2020-03-04T00:00:00Z")), uris, List.of(pointers)), List.of());
    }

    /** Lists by file name, each with the certificate that "signed" it. */
    private static final class World implements ListDocumentSource, TrustedListReader, ListSignatureVerifier {
        private final Map<String, TrustedList> lists = new HashMap<>();
        private final Map<String, ServiceCertificate> signers = new HashMap<>();
        private final Map<String, MalformedListException.Problem> broken = new HashMap<>();

        void lotl(ServiceCertificate signer, List<String> pivots, ListPointer... pointers) {
            lists.put("EU.xml", lotlList(pivots, pointers));
            signers.put("EU.xml", signer);
        }

        void pivot(String fileName, int sequence, ServiceCertificate signer, ServiceCertificate announces) {
            ListPointer self = new ListPointer(LOTL_URL, "EU", TrustedList.EU_LOTL_TYPE, "application/vnd.etsi.tsl+xml",
                    List.of(announces));
            lists.put(fileName, new TrustedList(new SchemeInformation(5, BigInteger.valueOf(sequence),
                    TrustedList.EU_LOTL_TYPE, MultilingualText.english("EC"), "EU", Instant.parse("2019-01-01T00:00:00Z"),
                    Optional.of(Instant.parse("2019-06-01T00:00:00Z")), List.of(), List.of(self)), List.of()));
            signers.put(fileName, signer);
        }

        void national(String territory, ServiceCertificate signer, String nextUpdate) {
            national(territory, signer, nextUpdate, "2019-06-01T00:00:00Z", territory);
        }

        void national(String pointerTerritory, ServiceCertificate signer, String nextUpdate, String issued,
                      String ownTerritory) {
            String file = pointerTerritory + ".xml";
            lists.put(file, new TrustedList(new SchemeInformation(5, BigInteger.ONE, TrustedList.EU_GENERIC_TYPE,
                    MultilingualText.english(ownTerritory + " operator"), ownTerritory, Instant.parse(issued),
                    Optional.of(Instant.parse(nextUpdate)), List.of(), List.of()), List.of()));
            signers.put(file, signer);
        }

        void malformed(String fileName, MalformedListException.Problem problem) {
            broken.put(fileName, problem);
        }

        TrustedListsReport load() {
            return load(ListAcceptancePolicy.STRICT);
        }

        TrustedListsReport load(ListAcceptancePolicy policy) {
            TrustedListLoader loader = new TrustedListLoader(this, this, this, Runnable::run);
            return loader.load(new LoadRequest(ListLocation.listOfLists(LOTL_URL), List.of(OJ_SIGNER),
                    Optional.of(OJ_URL), AT, policy));
        }

        @Override
        public DocumentLookup find(ListLocation location) {
            String name = switch (location.role()) {
                case LIST_OF_LISTS -> "EU.xml";
                case TERRITORY_LIST -> location.territory() + ".xml";
                case PIVOT -> location.fileName();
            };
            if (!lists.containsKey(name) && !broken.containsKey(name)) {
                return new DocumentLookup.Unavailable("no " + name);
            }
            return new DocumentLookup.Found(new ListDocument(name, name.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public TrustedList read(ListDocument document) throws MalformedListException {
            String name = new String(document.content(), StandardCharsets.UTF_8);
            if (broken.containsKey(name)) {
                throw new MalformedListException(broken.get(name), name + " is broken");
            }
            return lists.get(name);
        }

        @Override
        public SignatureCheck verify(ListDocument document, List<ServiceCertificate> expectedSigners) {
            ServiceCertificate signer = signers.get(new String(document.content(), StandardCharsets.UTF_8));
            if (expectedSigners.contains(signer)) {
                return SignatureCheck.valid(signer, "CN=signer", "verified");
            }
            return SignatureCheck.failed(SignatureCheck.Failure.SIGNER_NOT_TRUSTED, Optional.of(signer), "CN=signer",
                    "signer not among " + expectedSigners.size() + " expected");
        }
    }

    @Test
    void a_valid_signature_is_reported_with_status_valid() {
        world.lotl(OJ_SIGNER, List.of(), pointer("AT", AT_SIGNER));
        world.national("AT", AT_SIGNER, "2020-02-26T00:00:00Z");

        assertThat(verdict(world.load(), "AT").signature()).get()
                .extracting(SignatureCheck::status).isEqualTo(SignatureStatus.VALID);
    }
}

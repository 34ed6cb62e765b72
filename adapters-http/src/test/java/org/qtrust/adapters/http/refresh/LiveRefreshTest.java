package org.qtrust.adapters.http.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.http.testing.ListServer;
import org.qtrust.adapters.http.testing.ListServer.Fault;
import org.qtrust.adapters.http.testing.LiveWorld;
import org.qtrust.adapters.http.testing.SharedData;
import org.qtrust.adapters.http.testing.TestTls;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.core.trustedlist.refresh.ListChanges;
import org.qtrust.core.trustedlist.refresh.ListRefresh;
import org.qtrust.core.trustedlist.refresh.RefreshOutcome;
import org.qtrust.core.trustedlist.refresh.RefreshProblem;
import org.qtrust.core.trustedlist.refresh.RefreshReport;

/**
 * Refreshing from the real September 2019 snapshot published on loopback, through the
 * production HTTP client, fetcher and file cache: the cache ends up equal to an offline load,
 * answers conditionally the second time, and keeps every last good list through each fault.
 */
@Timeout(120)
class LiveRefreshTest {

    private static final List<String> NOT_IN_SNAPSHOT = List.of("DE", "EE", "RO");
    private static TrustedListsReport offline;
    private static Map<String, String> offlineVerdicts;

    @TempDir
    Path cacheDirectory;
    private LiveWorld world;

    @BeforeAll
    static void loadTheSnapshotOffline(@TempDir Path unused) {
        try (LiveWorld reference = new LiveWorld(unused)) {
            offline = reference.offline();
            offlineVerdicts = LiveWorld.verdicts(offline);
        }
    }

    @BeforeEach
    void publish() {
        world = new LiveWorld(cacheDirectory);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private RefreshReport warmCache() {
        RefreshReport first = world.refresh();
        assertThat(first.problems()).extracting(ListRefresh::territory).containsExactlyInAnyOrderElementsOf(NOT_IN_SNAPSHOT);
        world.server.clearRequests();
        return first;
    }

    @Test
    void a_full_refresh_into_an_empty_cache_equals_an_offline_load() throws Exception {
        long start = System.nanoTime();
        RefreshReport report = world.refresh();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("full refresh from loopback (29 lists, %d KB): %d ms%n", folderSize(cacheDirectory) / 1024, millis);

        assertThat(report.listOfLists().outcome()).isEqualTo(RefreshOutcome.NEW);
        assertThat(report.lists()).filteredOn(l -> l.outcome() == RefreshOutcome.NEW).hasSize(28);
        assertThat(report.lists()).filteredOn(l -> l.outcome() == RefreshOutcome.FAILED)
                .extracting(ListRefresh::territory).containsExactlyInAnyOrderElementsOf(NOT_IN_SNAPSHOT);
        assertThat(report.list("DE").orElseThrow().detail()).contains("HTTP 404");
        assertThat(LiveWorld.verdicts(report.cache())).isEqualTo(offlineVerdicts);
        assertThat(LiveWorld.verdicts(world.cacheAsOffline())).isEqualTo(offlineVerdicts);
        assertThat(offlineVerdicts.get("LOTL")).startsWith("accepted seq=248");
        assertThat(offlineVerdicts.get("NL")).startsWith("rejected list_expired");
        try (Stream<Path> snapshot = Files.list(SharedData.snapshot())) {
            snapshot.forEach(file -> assertThat(world.cached(file.getFileName().toString()))
                    .as(file.getFileName().toString()).isEqualTo(SharedData.read("lotl-snapshot/" + file.getFileName())));
        }
        String meta = Files.readString(cacheDirectory.resolve("EL.meta.properties"));
        assertThat(meta).contains("territory=EL", "sequenceNumber=42", "etag=", "lastModified=", "sha256=",
                "url=https\\://www.eett.gr/tsl/EL-TSL.xml", "nextUpdate=2020-01-24T00\\:00\\:00Z");
    }

    @Test
    void a_second_refresh_sends_conditional_requests_and_reports_not_modified() {
        warmCache();
        long start = System.nanoTime();

        RefreshReport second = world.refresh();
        System.out.printf("second (conditional) refresh from loopback: %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(second.entries()).filteredOn(e -> !NOT_IN_SNAPSHOT.contains(e.territory()))
                .hasSize(29).allMatch(e -> e.outcome() == RefreshOutcome.NOT_MODIFIED);
        assertThat(world.server.requests()).filteredOn(r -> !NOT_IN_SNAPSHOT.contains(r.path().substring(1, 3)))
                .hasSize(29).allMatch(r -> r.ifNoneMatch() != null && r.ifModifiedSince() != null);
        assertThat(LiveWorld.verdicts(second.cache())).isEqualTo(offlineVerdicts);
    }

    @Test
    void an_http_500_keeps_the_last_good_list_and_the_others_are_unaffected() {
        warmCache();
        world.server.fault("AT.xml", new Fault.Status(500));

        RefreshReport report = world.refresh();

        assertKeptLastGood(report, "AT", RefreshProblem.Kind.FETCH_FAILED, "HTTP 500");
        assertThat(world.server.requests()).filteredOn(r -> r.path().equals("/AT.xml")).hasSize(2); // one retry
    }

    @Test
    void a_connection_that_hangs_is_bounded_by_the_timeout_and_keeps_the_last_good_list() {
        warmCache();
        world.server.fault("AT.xml", new Fault.Hang());
        long start = System.nanoTime();

        RefreshReport report = world.refresh();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertKeptLastGood(report, "AT", RefreshProblem.Kind.FETCH_FAILED, "timeout");
    }

    @Test
    void a_truncated_body_keeps_the_last_good_list() {
        warmCache();
        world.server.serve("AT.xml", SharedData.read("lotl-snapshot/BE.xml"));
        world.server.fault("AT.xml", new Fault.Truncated());

        RefreshReport report = world.refresh();

        assertKeptLastGood(report, "AT", RefreshProblem.Kind.FETCH_FAILED, "failed");
    }

    @Test
    void an_oversized_body_keeps_the_last_good_list() {
        warmCache();
        world.server.fault("AT.xml", new Fault.Oversized(512L * 1024 * 1024));

        RefreshReport report = world.refresh();

        assertKeptLastGood(report, "AT", RefreshProblem.Kind.FETCH_FAILED, "limit");
        assertThat(world.server.streamedBytes()).isLessThan(128L * 1024 * 1024);
    }

    @Test
    void a_list_that_does_not_verify_keeps_the_last_good_list() {
        warmCache();
        world.server.serve("CZ.xml", SharedData.read("broken/CZ_broken-sig.xml"));

        RefreshReport report = world.refresh();

        ListRefresh cz = assertKeptLastGood(report, "CZ", RefreshProblem.Kind.REJECTED, "signature");
        assertThat(cz.problem().orElseThrow().rejection()).contains(ListRejection.SIGNATURE_INVALID);
    }

    @Test
    void a_list_signed_by_a_key_the_lotl_does_not_announce_or_not_xml_at_all_keeps_the_last_good_list() {
        warmCache();
        world.server.serve("FR.xml", SharedData.read("other-versions/FR_59.xml"));
        world.server.serve("CZ.xml", SharedData.read("broken/CZ_not-parsable.xml"));

        RefreshReport report = world.refresh();

        assertThat(assertKeptLastGood(report, "FR", RefreshProblem.Kind.REJECTED, "", "CZ").problem().orElseThrow()
                .code()).isEqualTo("signer_not_trusted");
        assertThat(assertKeptLastGood(report, "CZ", RefreshProblem.Kind.REJECTED, "", "FR").problem().orElseThrow()
                .code()).isEqualTo("list_not_parsable");
    }

    @Test
    void a_lower_sequence_number_is_refused_as_a_rollback() {
        Instant after250 = Instant.parse("2019-10-05T00:00:00Z");
        world.server.serve("EU.xml", SharedData.read("other-versions/eu-lotl-250.xml"));
        assertThat(world.refresh(after250).listOfLists().outcome()).isEqualTo(RefreshOutcome.NEW);
        world.server.serve("EU.xml", SharedData.read("lotl-snapshot/EU.xml"));

        RefreshReport report = world.refresh(after250);

        ListRefresh lotl = report.listOfLists();
        assertThat(lotl.outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(lotl.problem().orElseThrow().kind()).isEqualTo(RefreshProblem.Kind.ROLLBACK);
        assertThat(lotl.detail()).contains("248").contains("250");
        assertThat(world.cached("EU.xml")).isEqualTo(SharedData.read("other-versions/eu-lotl-250.xml"));
        assertThat(report.lists()).filteredOn(l -> !NOT_IN_SNAPSHOT.contains(l.territory()))
                .allMatch(l -> l.outcome() == RefreshOutcome.NOT_MODIFIED);
        assertThat(report.cache().listOfLists().list().orElseThrow().scheme().sequenceNumber()).hasToString("250");
    }

    @Test
    void a_newer_lotl_replaces_the_cached_one_and_its_pointer_changes_are_reported() {
        Instant after250 = Instant.parse("2019-10-05T00:00:00Z");
        warmCache();
        world.server.serve("EU.xml", SharedData.read("other-versions/eu-lotl-250.xml"));

        RefreshReport report = world.refresh(after250);

        ListRefresh lotl = report.listOfLists();
        assertThat(lotl.outcome()).isEqualTo(RefreshOutcome.UPDATED);
        assertThat(lotl.detail()).isEqualTo("sequence number 248 → 250");
        ListChanges changes = lotl.changes().orElseThrow();
        System.out.println("LOTL 248 → 250 pointer changes: " + changes.pointers());
        assertThat(report.usable()).isTrue();
    }

    @Test
    void a_new_lotl_that_announces_a_new_signer_lets_the_list_it_signs_in_and_the_service_changes_are_reported() {
        Instant after = Instant.parse("2019-10-10T00:00:00Z");
        warmCache();
        world.server.serve("EU.xml", SharedData.read("other-versions/eu-lotl-250.xml"));
        world.server.serve("FR.xml", SharedData.read("other-versions/FR_59.xml"));

        RefreshReport report = world.refresh(after);

        assertThat(report.listOfLists().outcome()).isEqualTo(RefreshOutcome.UPDATED);
        ListRefresh fr = report.list("FR").orElseThrow();
        assertThat(fr.outcome()).isEqualTo(RefreshOutcome.UPDATED);
        assertThat(fr.detail()).isEqualTo("sequence number 56 → 59");
        ListChanges changes = fr.changes().orElseThrow();
        System.out.printf("FR 56 → 59: %d added, %d removed, %d status changes%n",
                changes.count(ListChanges.ServiceChange.Kind.ADDED), changes.count(ListChanges.ServiceChange.Kind.REMOVED),
                changes.count(ListChanges.ServiceChange.Kind.STATUS_CHANGED));
        assertThat(changes.services()).isNotEmpty();
        assertThat(world.cached("FR.xml")).isEqualTo(SharedData.read("other-versions/FR_59.xml"));
        assertThat(report.cache().lists()).filteredOn(v -> v.territory().equals("FR")).singleElement()
                .satisfies(v -> assertThat(v.accepted()).isTrue());
    }

    @Test
    void a_redirect_from_https_to_http_keeps_the_last_good_list(@TempDir Path tlsFolder) throws Exception {
        Path keystore = TestTls.keystore(tlsFolder);
        try (ListServer tls = ListServer.https(TestTls.serverContext(keystore))) {
            tls.serveFolder(SharedData.snapshot());
            world.close();
            world = new LiveWorld(cacheDirectory, Map.of("FR", tls.base()),
                    Optional.of(new TransportConfig.TrustStore(keystore, TestTls.PASSWORD)));
            warmCache();
            assertThat(tls.requests()).extracting(ListServer.Request::path).containsExactly("/FR.xml");
            tls.fault("FR.xml", new Fault.Redirect(302, world.server.url("FR.xml")));

            RefreshReport report = world.refresh();

            assertKeptLastGood(report, "FR", RefreshProblem.Kind.FETCH_FAILED, "https to http");
        }
    }

    @Test
    void when_the_lotl_itself_fails_the_last_good_lotl_stays_and_the_lists_are_still_refreshed() {
        warmCache();
        world.server.fault("EU.xml", new Fault.Status(503));

        RefreshReport unavailable = world.refresh();

        assertThat(unavailable.listOfLists().outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(unavailable.listOfLists().detail()).contains("HTTP 503");
        assertThat(unavailable.lists()).filteredOn(l -> !NOT_IN_SNAPSHOT.contains(l.territory()))
                .hasSize(28).allMatch(l -> l.outcome() == RefreshOutcome.NOT_MODIFIED);
        assertThat(LiveWorld.verdicts(unavailable.cache())).isEqualTo(offlineVerdicts);

        world.server.serve("EU.xml", SharedData.read("broken/eu-lotl_broken-sig.xml"));
        RefreshReport broken = world.refresh();

        assertThat(broken.listOfLists().outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(broken.listOfLists().problem().orElseThrow().rejection()).contains(ListRejection.SIGNATURE_INVALID);
        assertThat(world.cached("EU.xml")).isEqualTo(SharedData.read("lotl-snapshot/EU.xml"));
        assertThat(LiveWorld.verdicts(broken.cache())).isEqualTo(offlineVerdicts);
    }

    @Test
    void without_a_cached_lotl_a_failing_lotl_leaves_nothing_and_says_so() {
        world.server.fault("EU.xml", new Fault.Status(500));

        RefreshReport report = world.refresh();

        assertThat(report.listOfLists().outcome()).isEqualTo(RefreshOutcome.FAILED);
        assertThat(report.usable()).isFalse();
        assertThat(report.cache().listOfLists().rejection()).contains(ListRejection.UNAVAILABLE);
        assertThat(world.server.requests()).hasSize(2).allMatch(r -> r.path().equals("/EU.xml"));
    }

    /** The list kept its cached bytes, the problem is reported, every other list is as before. */
    private ListRefresh assertKeptLastGood(RefreshReport report, String territory, RefreshProblem.Kind kind,
                                           String detail, String... alsoFaulty) {
        ListRefresh entry = report.list(territory).orElseThrow();
        assertThat(entry.outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(entry.problem().orElseThrow().kind()).isEqualTo(kind);
        assertThat(entry.detail()).containsIgnoringCase(detail);
        assertThat(world.cached(territory + ".xml")).isEqualTo(SharedData.read("lotl-snapshot/" + territory + ".xml"));
        assertThat(report.entries()).filteredOn(e -> !e.territory().equals(territory)
                        && !NOT_IN_SNAPSHOT.contains(e.territory()) && !List.of(alsoFaulty).contains(e.territory()))
                .allMatch(e -> e.outcome() == RefreshOutcome.NOT_MODIFIED);
        assertThat(LiveWorld.verdicts(report.cache())).isEqualTo(offlineVerdicts);
        return entry;
    }

    private static long folderSize(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }
}

package org.qtrust.core.lote.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.lote.LoteIdentifiers;
import org.qtrust.core.lote.LoteScheme;
import org.qtrust.core.lote.loading.LoteLoader;
import org.qtrust.core.lote.loading.LoteSourcesRequest;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.lote.port.LoteReader;
import org.qtrust.core.lote.port.LoteSignatureVerifier;
import org.qtrust.core.lote.refresh.port.CachedLote;
import org.qtrust.core.lote.refresh.port.LoteCache;
import org.qtrust.core.lote.refresh.port.LoteCacheMetadata;
import org.qtrust.core.testing.SharedData;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.MultilingualText;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.SignatureCheck.Failure;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.refresh.RefreshOutcome;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;

/**
 * The refresh rules of a cached list of trusted entities (TS 119 602 §6.3.2 sequence numbers
 * never go back, §6.8 signature against the configured signers, §6.3.15 NextUpdate), with the
 * reading and signature ports stubbed: a document is the text "sequence|nextUpdate|signed-or-forged".
 */
class LoteRefresherTest {

    private static final ServiceCertificate SIGNER = SharedData.officialJournalCertificates().get(0);
    private static final String URL = "https://lists.example.eu/pid.jws";
    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2026-07-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    private static final LoteReader READER = document -> {
        String[] parts = new String(document.content(), StandardCharsets.UTF_8).split("\\|");
        return new ListOfTrustedEntities(new LoteScheme(1, new BigInteger(parts[0]), LoteIdentifiers.EU_PID_PROVIDERS_LIST,
                MultilingualText.english("Operator"), "EU", "", ISSUED, Optional.of(Instant.parse(parts[1])), List.of()),
                List.of(), ListOfTrustedEntities.Format.JSON);
    };
    private static final LoteSignatureVerifier VERIFIER = (document, signers) ->
            new String(document.content(), StandardCharsets.UTF_8).endsWith("|forged")
                    ? SignatureCheck.failed(Failure.CRYPTOGRAPHIC_FAILURE, Optional.empty(), "CN=Operator", "the content was changed")
                    : SignatureCheck.valid(SIGNER, "CN=Operator", "verified");

    private final MemoryCache cache = new MemoryCache();
    private final Map<String, String> published = new HashMap<>();

    private static String list(int sequence, Instant nextUpdate) {
        return sequence + "|" + nextUpdate + "|signed";
    }

    private LoteRefreshReport refresh() throws ListCacheException {
        LoteDocumentSourceStub publishers = new LoteDocumentSourceStub(published);
        LoteSourcesRequest request = new LoteSourcesRequest(List.of(URL), List.of(SIGNER), List.of(), AT, ListAcceptancePolicy.STRICT);
        return new LoteRefresher(new LoteLoader(READER, VERIFIER), publishers, cache, CLOCK).refresh(request);
    }

    private LoteRefresh refreshed() throws ListCacheException {
        return refresh().lists().get(0);
    }

    private String cachedText() {
        return cache.find(URL).map(copy -> new String(copy.document().content(), StandardCharsets.UTF_8)).orElse("");
    }

    @Test
    void a_first_authentic_copy_is_stored_with_its_metadata_and_the_cache_then_loads_it() throws Exception {
        published.put(URL, list(3, LATER));

        LoteRefreshReport report = refresh();

        LoteRefresh entry = report.lists().get(0);
        assertThat(entry.outcome()).isEqualTo(RefreshOutcome.NEW);
        assertThat(entry.sequence()).contains(BigInteger.valueOf(3));
        assertThat(cachedText()).isEqualTo(list(3, LATER));
        LoteCacheMetadata metadata = cache.find(URL).flatMap(CachedLote::metadata).orElseThrow();
        assertThat(metadata.location()).isEqualTo(URL);
        assertThat(metadata.sequenceNumber()).isEqualTo(3);
        assertThat(metadata.loteType()).isEqualTo(LoteIdentifiers.EU_PID_PROVIDERS_LIST);
        assertThat(metadata.fetchedAt()).isEqualTo(CLOCK.instant());
        assertThat(report.cache()).singleElement().satisfies(verdict -> {
            assertThat(verdict.accepted()).isTrue();
            assertThat(verdict.location()).isEqualTo(URL);
            assertThat(verdict.trace().get(0)).startsWith("from the list cache: ");
        });
        assertThat(report.usable()).isTrue();
    }

    @Test
    void a_higher_sequence_number_updates_the_cached_copy_and_the_same_bytes_only_confirm_it() throws Exception {
        published.put(URL, list(3, LATER));
        refresh();
        published.put(URL, list(4, LATER));

        LoteRefresh updated = refreshed();
        LoteRefresh again = refreshed();

        assertThat(updated.outcome()).isEqualTo(RefreshOutcome.UPDATED);
        assertThat(updated.detail()).isEqualTo("sequence number 3 → 4");
        assertThat(updated.previousSequence()).contains(BigInteger.valueOf(3));
        assertThat(again.outcome()).isEqualTo(RefreshOutcome.NOT_MODIFIED);
        assertThat(again.sequence()).contains(BigInteger.valueOf(4));
        assertThat(cachedText()).isEqualTo(list(4, LATER));
    }

    @Test
    void an_authentic_copy_with_a_lower_sequence_number_is_a_rollback_and_the_last_good_copy_stays() throws Exception {
        published.put(URL, list(5, LATER));
        refresh();
        published.put(URL, list(4, LATER)); // genuinely signed, still unexpired, but older: a replay

        LoteRefreshReport report = refresh();

        LoteRefresh entry = report.lists().get(0);
        assertThat(entry.outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(entry.problem().orElseThrow().code()).isEqualTo("rollback");
        assertThat(entry.detail()).contains("sequence number 4, lower than the cached copy's 5");
        assertThat(entry.sequence()).contains(BigInteger.valueOf(5));
        assertThat(cachedText()).isEqualTo(list(5, LATER));
        assertThat(report.cache().get(0).accepted()).isTrue();
    }

    @Test
    void a_copy_with_a_bad_signature_is_refused_and_the_last_good_copy_stays() throws Exception {
        published.put(URL, list(5, LATER));
        refresh();
        published.put(URL, "9|" + LATER + "|forged");

        LoteRefresh entry = refreshed();

        assertThat(entry.outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(entry.problem().orElseThrow().code()).isEqualTo(ListRejection.SIGNATURE_INVALID.code());
        assertThat(cachedText()).isEqualTo(list(5, LATER));
    }

    @Test
    void with_nothing_good_cached_a_refused_or_unavailable_copy_fails_and_the_load_trusts_nothing() throws Exception {
        published.put(URL, "9|" + LATER + "|forged");
        LoteRefreshReport forged = refresh();
        published.clear();
        LoteRefreshReport unavailable = refresh();

        assertThat(forged.lists().get(0).outcome()).isEqualTo(RefreshOutcome.FAILED);
        assertThat(unavailable.lists().get(0).outcome()).isEqualTo(RefreshOutcome.FAILED);
        assertThat(unavailable.lists().get(0).problem().orElseThrow().code()).isEqualTo("fetch_failed");
        assertThat(cache.find(URL)).isEmpty();
        assertThat(unavailable.cache().get(0).rejection()).contains(ListRejection.UNAVAILABLE);
        assertThat(unavailable.usable()).isFalse();
    }

    @Test
    void an_unreachable_publisher_keeps_the_last_good_copy() throws Exception {
        published.put(URL, list(5, LATER));
        refresh();
        published.clear();

        LoteRefresh entry = refreshed();

        assertThat(entry.outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(entry.problem().orElseThrow().code()).isEqualTo("fetch_failed");
        assertThat(entry.sequence()).contains(BigInteger.valueOf(5));
    }

    @Test
    void an_authentic_newer_copy_past_its_next_update_is_stored_and_the_load_refuses_it_as_expired() throws Exception {
        published.put(URL, list(5, LATER));
        refresh();
        Instant passed = Instant.parse("2026-02-01T00:00:00Z");
        published.put(URL, list(6, passed));

        LoteRefreshReport report = refresh();

        assertThat(report.lists().get(0).outcome()).isEqualTo(RefreshOutcome.UPDATED);
        assertThat(report.lists().get(0).stale()).isTrue();
        assertThat(report.cache().get(0).rejection()).contains(ListRejection.EXPIRED);
        assertThat(report.usable()).isFalse();
    }

    @Test
    void a_copy_that_cannot_be_written_keeps_the_last_good_copy() throws Exception {
        published.put(URL, list(5, LATER));
        refresh();
        cache.failWrites = true;
        published.put(URL, list(6, LATER));

        LoteRefresh entry = refreshed();

        assertThat(entry.outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(entry.problem().orElseThrow().code()).isEqualTo("cache_write_failed");
        assertThat(cachedText()).isEqualTo(list(5, LATER));
    }

    @Test
    void the_refresh_holds_the_cache_lock_and_releases_it() throws Exception {
        published.put(URL, list(5, LATER));

        refresh();

        assertThat(cache.locks).isEqualTo(1);
        assertThat(cache.locked).isFalse();
    }

    private record LoteDocumentSourceStub(Map<String, String> published) implements org.qtrust.core.lote.port.LoteDocumentSource {
        @Override
        public DocumentLookup find(String location) {
            String text = published.get(location);
            return text == null ? new DocumentLookup.Unavailable("HTTP 503 from " + location)
                    : new DocumentLookup.Found(new ListDocument(location, text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static final class MemoryCache implements LoteCache {
        private final Map<String, CachedLote> copies = new HashMap<>();
        boolean failWrites;
        boolean locked;
        int locks;

        @Override
        public Optional<CachedLote> find(String location) {
            return Optional.ofNullable(copies.get(location));
        }

        @Override
        public void store(ListDocument document, LoteCacheMetadata metadata) throws ListCacheException {
            if (failWrites) {
                throw new ListCacheException("disk full");
            }
            assertThat(locked).as("stored under the lock").isTrue();
            copies.put(metadata.location(), new CachedLote(new ListDocument("cache/" + metadata.location().hashCode(),
                    document.content()), Optional.of(metadata)));
        }

        @Override
        public void updateMetadata(LoteCacheMetadata metadata) {
            copies.computeIfPresent(metadata.location(), (location, copy) -> new CachedLote(copy.document(), Optional.of(metadata)));
        }

        @Override
        public ListCache.Lock lock() {
            locked = true;
            locks++;
            return () -> locked = false;
        }
    }
}

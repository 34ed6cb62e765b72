package org.qtrust.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.redis.testing.RedisServerProcess;
import org.qtrust.core.lote.refresh.port.LoteCacheMetadata;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.refresh.SnapshotManifest;
import org.qtrust.core.trustedlist.refresh.port.CacheMetadata;
import org.qtrust.core.trustedlist.refresh.port.CachedList;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;

class RedisListCacheTest {

    private static RedisServerProcess redis;
    private RedisStore store;
    private RedisListCache cache;
    private RedisLoteCache lotes;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void connect() {
        store = new RedisStore(RedisStoreConfig.parse(redis.url(), "t" + System.nanoTime() + ":"));
        RedisRefreshLease lease = new RedisRefreshLease(store, Duration.ofSeconds(2));
        cache = new RedisListCache(store, lease);
        lotes = new RedisLoteCache(store, lease);
    }

    private static final ListLocation AT = new ListLocation("https://www.signatur.rtr.at/currenttl.xml",
            ListLocation.Role.TERRITORY_LIST, "AT");

    private static CacheMetadata metadata(ListLocation location, ListDocument document, int sequence) {
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        return new CacheMetadata(location, Optional.of("\"etag-" + sequence + "\""), Optional.empty(), at, at,
                document.sha256(), BigInteger.valueOf(sequence), at.minusSeconds(3600), Optional.of(at.plusSeconds(86400)));
    }

    private static ListDocument document(String text) {
        return new ListDocument("https://example.test/at.xml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void storesTheDocumentByteForByteWithItsMetadataAndReadsItBack() throws Exception {
        ListDocument document = document("<TrustServiceStatusList>AT 7</TrustServiceStatusList>");
        cache.store(document, metadata(AT, document, 7));

        CachedList found = cache.find(AT).orElseThrow();
        assertThat(found.document().content()).isEqualTo(document.content());
        assertThat(found.document().location()).startsWith("redis://127.0.0.1:").contains("doc:" + document.sha256());
        assertThat(found.metadata()).contains(metadata(AT, document, 7));
        // readable with redis-cli: the document is a plain string under doc:<sha256>, 7 days to live
        assertThat(store.client().get(store.keys().document(document.sha256()))).isEqualTo(new String(document.content(),
                StandardCharsets.UTF_8));
        assertThat(store.client().ttl(store.keys().document(document.sha256()))).isBetween(7L * 86400 - 60, 7L * 86400);
        assertThat(cache.entries()).extracting(meta -> meta.location().territory()).containsExactly("AT");
        assertThat(cache.asSource().find(AT)).isInstanceOf(DocumentLookup.Found.class);
    }

    @Test
    void bytesChangedInRedisLoseTheirMetadataSoTheyAreVerifiedAsUnknownBytes() throws Exception {
        ListDocument document = document("<TrustServiceStatusList>AT 7</TrustServiceStatusList>");
        cache.store(document, metadata(AT, document, 7));
        store.client().set(store.keys().document(document.sha256()), "<TrustServiceStatusList>forged</TrustServiceStatusList>");

        CachedList found = cache.find(AT).orElseThrow();
        assertThat(new String(found.document().content(), StandardCharsets.UTF_8)).contains("forged");
        assertThat(found.metadata()).isEmpty();
    }

    @Test
    void theRollbackFloorOnlyRises() throws Exception {
        ListDocument seven = document("AT 7");
        ListDocument five = document("AT 5");
        cache.store(seven, metadata(AT, seven, 7));
        cache.store(five, metadata(AT, five, 5));

        assertThat(cache.rollbackFloor(AT)).contains(BigInteger.valueOf(7));
        assertThat(cache.find(AT).orElseThrow().metadata().orElseThrow().sequenceNumber()).isEqualTo(BigInteger.valueOf(5));
        ListDocument huge = document("AT huge");
        cache.store(huge, metadata(AT, huge, 7).checked(Instant.EPOCH, Optional.empty(), Optional.empty()));
        assertThat(cache.rollbackFloor(AT)).contains(BigInteger.valueOf(7));
    }

    @Test
    void metadataIsReplacedOnlyForTheVeryCopyStored() throws Exception {
        ListDocument document = document("AT 7");
        cache.store(document, metadata(AT, document, 7));
        CacheMetadata checked = metadata(AT, document, 7).checked(Instant.parse("2026-12-02T00:00:00Z"),
                Optional.of("\"new\""), Optional.empty());
        cache.updateMetadata(checked);
        assertThat(cache.find(AT).orElseThrow().metadata()).contains(checked);

        ListDocument other = document("AT 8");
        assertThatThrownBy(() -> cache.updateMetadata(metadata(AT, other, 8)))
                .isInstanceOf(ListCacheException.class).hasMessageContaining("no stored copy");
        assertThatThrownBy(() -> cache.store(other, metadata(AT, document, 8)))
                .isInstanceOf(ListCacheException.class).hasMessageContaining("does not describe");
    }

    @Test
    void removedListsAreGoneButTheirFloorStays() throws Exception {
        ListDocument document = document("AT 7");
        cache.store(document, metadata(AT, document, 7));
        cache.remove(AT);
        assertThat(cache.find(AT)).isEmpty();
        assertThat(cache.asSource().find(AT)).isInstanceOf(DocumentLookup.Unavailable.class);
        assertThat(cache.rollbackFloor(AT)).contains(BigInteger.valueOf(7));
    }

    @Test
    void aSnapshotSourceReadsTheVeryBytesItsManifestNamesAndRefusesChangedOnes() throws Exception {
        ListDocument document = document("AT 7");
        cache.store(document, metadata(AT, document, 7));
        SnapshotManifest manifest = cache.manifest(Instant.EPOCH);
        assertThat(manifest.entries()).extracting(SnapshotManifest.Entry::key).containsExactly("AT.xml");
        assertThat(cache.snapshotSource(manifest).find(AT)).isInstanceOfSatisfying(DocumentLookup.Found.class,
                found -> assertThat(found.document().content()).isEqualTo(document.content()));
        assertThat(cache.snapshotSource(manifest).find(new ListLocation("https://be", ListLocation.Role.TERRITORY_LIST, "BE")))
                .isInstanceOfSatisfying(DocumentLookup.Unavailable.class, u -> assertThat(u.reason()).contains("has no BE.xml"));

        store.client().set(store.keys().document(document.sha256()), "AT 7 forged");
        assertThat(cache.snapshotSource(manifest).find(AT)).isInstanceOfSatisfying(DocumentLookup.Unavailable.class,
                u -> assertThat(u.reason()).contains("were changed after they were verified"));
        assertThat(cache.rollbackFloors()).containsEntry("AT.xml", BigInteger.valueOf(7));
    }

    @Test
    void theThreadHoldingTheLeaseLocksTheCachesWithoutWaitingForItself() throws Exception {
        RedisRefreshLease lease = new RedisRefreshLease(store, Duration.ofMillis(300));
        RedisListCache held = new RedisListCache(store, lease);
        try (RedisRefreshLease.Grant grant = lease.hold()) {
            try (var nested = held.lock()) {
                assertThat(grant.held()).isTrue();
            }
            // another thread (another replica's refresh) still waits, then gives up
            java.util.concurrent.CompletableFuture<Throwable> other = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (var lock = held.lock()) {
                    return null;
                } catch (ListCacheException e) {
                    return e;
                }
            });
            assertThat(other.get()).isInstanceOf(ListCacheException.class);
        }
        try (var again = held.lock()) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void unsafeNamesFromAListUnderVerificationNeverBecomeKeys() {
        ListLocation pivot = new ListLocation("https://example.test/../x y", ListLocation.Role.PIVOT, "EU");
        ListDocument document = document("x");
        assertThat(cache.find(pivot)).isEmpty();
        assertThatThrownBy(() -> cache.store(document, metadata(pivot, document, 1))).isInstanceOf(ListCacheException.class);
    }

    @Test
    void listsOfTrustedEntitiesAreKeptByLocationWithTheirFloor() throws Exception {
        String location = "https://example.test/lote/pid-providers.json";
        ListDocument document = new ListDocument(location, "{\"LoTE\":1}".getBytes(StandardCharsets.UTF_8));
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        LoteCacheMetadata metadata = new LoteCacheMetadata(location, "http://uri.etsi.org/19602/LoTEType/EUPIDProvidersList",
                "EU", BigInteger.valueOf(4), at, Optional.empty(), document.sha256(), at, at);
        lotes.store(document, metadata);

        assertThat(lotes.find(location).orElseThrow().metadata()).contains(metadata);
        assertThat(lotes.find(location).orElseThrow().document().content()).isEqualTo(document.content());
        assertThat(lotes.find("https://example.test/other.json")).isEmpty();
        assertThat(lotes.rollbackFloor(location)).contains(BigInteger.valueOf(4));
        lotes.updateMetadata(metadata.checked(at.plusSeconds(60)));
        assertThat(lotes.find(location).orElseThrow().metadata().orElseThrow().checkedAt()).isEqualTo(at.plusSeconds(60));
    }

    @Test
    void aSnapshotNamesTheListsOfTrustedEntitiesAndReadsThemBackByDigestRefusingChangedBytes() throws Exception {
        ListDocument list = document("<TrustServiceStatusList>AT 7</TrustServiceStatusList>");
        cache.store(list, metadata(AT, list, 7));
        String location = "https://example.test/lote/pid-providers.json";
        ListDocument lote = new ListDocument(location, "{\"LoTE\":5}".getBytes(StandardCharsets.UTF_8));
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        lotes.store(lote, new LoteCacheMetadata(location, "http://uri.etsi.org/19602/LoTEType/EUPIDProvidersList",
                "EU", BigInteger.valueOf(5), at, Optional.empty(), lote.sha256(), at, at));

        SnapshotManifest manifest = lotes.withLotes(cache.manifest(at));
        assertThat(manifest.entries()).extracting(SnapshotManifest.Entry::kind, SnapshotManifest.Entry::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SnapshotManifest.Kind.LIST, "AT.xml"),
                        org.assertj.core.groups.Tuple.tuple(SnapshotManifest.Kind.LOTE, location));
        assertThat(manifest.id()).isNotEqualTo(cache.manifest(at).id());
        DocumentLookup found = lotes.snapshotSource(manifest).find(location);
        assertThat(found).isInstanceOf(DocumentLookup.Found.class);
        // named by its location, so verdicts and traces name the list
        assertThat(((DocumentLookup.Found) found).document().location()).isEqualTo(location);
        assertThat(((DocumentLookup.Found) found).document().content()).isEqualTo(lote.content());
        assertThat(lotes.snapshotSource(manifest).find("https://example.test/other.json"))
                .isInstanceOfSatisfying(DocumentLookup.Unavailable.class, u -> assertThat(u.reason()).contains("has no copy"));
        assertThat(lotes.rollbackFloors(java.util.List.of(location, "https://example.test/other.json")))
                .isEqualTo(java.util.Map.of(location, BigInteger.valueOf(5)));

        store.client().set(store.keys().document(lote.sha256()), "{\"LoTE\":6}");
        assertThat(lotes.snapshotSource(manifest).find(location)).isInstanceOfSatisfying(DocumentLookup.Unavailable.class,
                u -> assertThat(u.reason()).contains("were changed after they were verified"));
    }

    @Test
    void aStoreThatIsDownFailsFastWithoutItsPassword() {
        RedisStoreConfig config = RedisStoreConfig.parse("redis://:s3cret-pw@127.0.0.1:" + RedisServerProcess.freePort() + "/0", null)
                .withTimeout(Duration.ofMillis(500));
        try (RedisStore down = new RedisStore(config)) {
            RedisListCache unreachable = new RedisListCache(down, new RedisRefreshLease(down, Duration.ofMillis(300)));
            assertThat(down.reachable()).isFalse();
            assertThat(unreachable.find(AT)).isEmpty();
            assertThatThrownBy(() -> unreachable.findOrFail(AT)).isInstanceOf(ListCacheException.class)
                    .hasMessageContaining("redis://127.0.0.1:").hasMessageNotContaining("s3cret");
            assertThatThrownBy(unreachable::lock).isInstanceOf(ListCacheException.class).hasMessageNotContaining("s3cret");
        }
    }
}

package org.qtrust.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.redis.testing.RedisServerProcess;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.refresh.SnapshotManifest;
import org.qtrust.core.trustedlist.refresh.port.CacheMetadata;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import org.qtrust.core.trustedlist.refresh.port.RefreshLease;

class RedisSnapshotStoreTest {

    private static RedisServerProcess redis;
    private RedisStore store;
    private RedisListCache cache;
    private RedisSnapshotStore snapshots;
    private String prefix;

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
        prefix = "s" + System.nanoTime() + ":";
        store = new RedisStore(RedisStoreConfig.parse(redis.url(), prefix).withLeaseTime(Duration.ofSeconds(1)));
        cache = new RedisListCache(store, new RedisRefreshLease(store, Duration.ofSeconds(3)));
        snapshots = new RedisSnapshotStore(store);
    }

    private static final ListLocation LOTL = ListLocation.listOfLists("https://ec.europa.eu/tools/lotl/eu-lotl.xml");

    private SnapshotManifest stored(String text) throws ListCacheException {
        ListDocument document = new ListDocument(LOTL.url(), text.getBytes(StandardCharsets.UTF_8));
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        cache.store(document, new CacheMetadata(LOTL, Optional.empty(), Optional.empty(), at, at, document.sha256(),
                BigInteger.ONE, at, Optional.empty()));
        return new SnapshotManifest(List.of(SnapshotManifest.Entry.list("EU.xml", LOTL, document.sha256())), at);
    }

    @Test
    void oneHolderAtATimeEachGrantWithAGreaterFencingToken() {
        RedisRefreshLease a = new RedisRefreshLease(store, Duration.ZERO);
        RedisRefreshLease b = new RedisRefreshLease(store, Duration.ZERO);
        RefreshLease.Held first = a.tryAcquire().orElseThrow();
        assertThat(b.tryAcquire()).isEmpty();
        assertThat(first.renew()).isTrue();
        first.close();
        RefreshLease.Held second = b.tryAcquire().orElseThrow();
        assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
        assertThat(first.renew()).isFalse();
        second.close();
    }

    @Test
    void aDeadHoldersLeaseExpiresAndItsStaleTokenCannotPublish() throws Exception {
        RedisRefreshLease dying = new RedisRefreshLease(store, Duration.ZERO);
        RefreshLease.Held dead = dying.tryAcquire().orElseThrow();
        dying.shutdown(); // the holder stops renewing, as a killed process would
        SnapshotManifest manifest = stored("LOTL 1");

        RedisRefreshLease survivor = new RedisRefreshLease(store, Duration.ofSeconds(5));
        RefreshLease.Held taken = survivor.hold();
        assertThat(taken.fencingToken()).isGreaterThan(dead.fencingToken());

        assertThat(snapshots.publish(manifest, dead.fencingToken())).isFalse();
        assertThat(snapshots.current()).isEmpty();
        assertThat(snapshots.publish(manifest, taken.fencingToken())).isTrue();
        assertThat(snapshots.current()).map(SnapshotManifest::id).contains(manifest.id());
        taken.close();
    }

    @Test
    void theCurrentSnapshotKeepsItsDocumentsAndTheReplacedOnesExpire() throws Exception {
        RedisRefreshLease lease = new RedisRefreshLease(store, Duration.ofSeconds(3));
        try (RefreshLease.Held held = lease.hold()) {
            SnapshotManifest first = stored("LOTL 1");
            assertThat(snapshots.publish(first, held.fencingToken())).isTrue();
            String firstDocument = store.keys().document(first.entries().get(0).sha256());
            assertThat(store.client().ttl(firstDocument)).isEqualTo(-1L);

            SnapshotManifest second = stored("LOTL 2");
            assertThat(snapshots.publish(second, held.fencingToken())).isTrue();
            assertThat(store.client().ttl(store.keys().document(second.entries().get(0).sha256()))).isEqualTo(-1L);
            assertThat(store.client().ttl(firstDocument)).isPositive();
            assertThat(snapshots.current().orElseThrow().id()).isEqualTo(second.id()).isNotEqualTo(first.id());
        }
    }

    @Test
    void aManifestNamingAMissingDocumentIsNotPublished() {
        RedisRefreshLease lease = new RedisRefreshLease(store, Duration.ofSeconds(3));
        SnapshotManifest ghost = new SnapshotManifest(List.of(SnapshotManifest.Entry.list("EU.xml", LOTL, "0".repeat(64))),
                Instant.EPOCH);
        assertThatThrownBy(() -> {
            try (RefreshLease.Held held = lease.hold()) {
                snapshots.publish(ghost, held.fencingToken());
            }
        }).isInstanceOf(ListCacheException.class).hasMessageContaining("names a document");
    }

    @Test
    void aManifestChangedInRedisIsRefusedByItsId() throws Exception {
        RedisRefreshLease lease = new RedisRefreshLease(store, Duration.ofSeconds(3));
        try (RefreshLease.Held held = lease.hold()) {
            snapshots.publish(stored("LOTL 1"), held.fencingToken());
        }
        String manifest = store.client().hget(store.keys().currentSnapshot(), "manifest");
        store.client().hset(store.keys().currentSnapshot(), "manifest", manifest.replace("EU.xml", "XX.xml"));
        assertThatThrownBy(() -> snapshots.current()).isInstanceOf(ListCacheException.class).hasMessageContaining("does not match");
    }

    @Test
    void anOversizedManifestWrittenIntoRedisIsRefusedBeforeItIsParsed() {
        store.client().hset(store.keys().currentSnapshot(), "manifest",
                "qtrust-snapshot-manifest 1\n" + "x".repeat(RedisSnapshotStore.MAX_MANIFEST_CHARACTERS));
        assertThatThrownBy(() -> snapshots.current()).isInstanceOf(ListCacheException.class).hasMessageContaining("larger than");
    }

    @Test
    void watchersHearOfANewSnapshot() throws Exception {
        LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (AutoCloseable watch = snapshots.watch(heard::add, Duration.ofSeconds(1))) {
            SnapshotManifest manifest = stored("LOTL 1");
            RedisRefreshLease lease = new RedisRefreshLease(store, Duration.ofSeconds(3));
            String id = null;
            // the subscription may not be in place at once: publish until it is heard (bounded)
            for (int i = 0; i < 50 && id == null; i++) {
                try (RefreshLease.Held held = lease.hold()) {
                    snapshots.publish(manifest, held.fencingToken());
                }
                id = heard.poll(100, TimeUnit.MILLISECONDS);
            }
            assertThat(id).isEqualTo(manifest.id());
        }
    }
}

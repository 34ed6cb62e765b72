package org.qtrust.adapters.http.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.http.testing.CacheWriterProcess;
import org.qtrust.adapters.http.testing.ChildProcess;
import org.qtrust.adapters.http.testing.LiveWorld;
import org.qtrust.adapters.http.testing.RefreshProcess;
import org.qtrust.adapters.http.testing.SharedData;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.core.trustedlist.refresh.RefreshReport;
import org.qtrust.core.trustedlist.refresh.TrustedListRefresher;
import org.qtrust.core.trustedlist.refresh.port.CacheMetadata;
import org.qtrust.core.trustedlist.refresh.port.CachedList;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;

/**
 * A process killed while it writes the cache (SIGKILL: no finally blocks, no flush) leaves
 * every list either old or new and the cache loadable; the next refresh completes it.
 */
@Timeout(120)
class KillSafetyTest {

    @Test
    void a_writer_killed_at_random_moments_never_leaves_a_partial_list(@TempDir Path folder) throws Exception {
        Path a = SharedData.trustData("lotl-snapshot/EU.xml");
        Path b = SharedData.trustData("other-versions/eu-lotl-250.xml");
        byte[][] versions = {Files.readAllBytes(a), Files.readAllBytes(b)};
        int leftovers = 0;
        for (int kill = 0; kill < 5; kill++) {
            try (ChildProcess writer = new ChildProcess(CacheWriterProcess.class, folder.toString(), a.toString(), b.toString())) {
                assertThat(writer.awaitLine("ready", 30)).isTrue();
                Thread.sleep(ThreadLocalRandom.current().nextLong(20, 400));
                writer.kill();
            }
            leftovers += temporaryFiles(folder);
            FileListCache cache = new FileListCache(folder);
            for (ListLocation location : CacheWriterProcess.LOCATIONS) {
                CachedList cached = cache.find(location).orElseThrow();
                assertThat(cached.document().content()).satisfiesAnyOf(
                        content -> assertThat(content).isEqualTo(versions[0]),
                        content -> assertThat(content).isEqualTo(versions[1]));
                cached.metadata().ifPresent(meta -> assertThat(meta.sha256())
                        .isEqualTo(FileListCache.sha256(cached.document().content())));
            }
            cache.lock().close(); // a refresh starting here removes what the killed writer left
            assertThat(temporaryFiles(folder)).isZero();
        }
        System.out.println("kills that left a temporary file behind: " + leftovers + " of 5");
    }

    @Test
    void a_refresh_killed_at_random_moments_leaves_a_loadable_cache_that_the_next_refresh_completes(
            @TempDir Path folder) throws Exception {
        try (LiveWorld world = new LiveWorld(folder)) {
            TrustedListsReport offline = world.offline();
            for (long delay : new long[] {300, 900, 1500}) {
                try (ChildProcess refresh = new ChildProcess(RefreshProcess.class, folder.toString(), world.server.base())) {
                    assertThat(refresh.awaitLine("ready", 30)).isTrue();
                    Thread.sleep(delay + ThreadLocalRandom.current().nextLong(0, 300));
                    refresh.kill();
                }
                assertLoadable(world, offline);
            }
            RefreshReport completed = world.refresh();
            assertThat(LiveWorld.verdicts(completed.cache())).isEqualTo(LiveWorld.verdicts(offline));
        }
    }

    @Test
    void a_refresh_that_dies_between_two_writes_leaves_a_loadable_cache(@TempDir Path folder) throws Exception {
        try (LiveWorld world = new LiveWorld(folder)) {
            TrustedListsReport offline = world.offline();
            for (int survivingWrites : new int[] {0, 1, 7, 20}) {
                CrashingCache crashing = new CrashingCache(world.cache, survivingWrites);
                TrustedListRefresher refresher = new TrustedListRefresher(world.source, crashing, world.reader,
                        world.verifier, world.workers, java.time.Clock.systemUTC());
                try {
                    refresher.refresh(LiveWorld.request(LiveWorld.AT));
                } catch (SimulatedCrash expected) {
                    // the process "died" here
                }
                assertLoadable(world, offline);
            }
            assertThat(LiveWorld.verdicts(world.refresh().cache())).isEqualTo(LiveWorld.verdicts(offline));
        }
    }

    /** Whatever is in the folder loads, and every list there is accepted exactly as offline. */
    private static void assertLoadable(LiveWorld world, TrustedListsReport offline) throws Exception {
        if (!Files.exists(world.cacheDirectory.resolve("EU.xml"))) {
            return; // killed before the first write: an empty cache
        }
        TrustedListsReport loaded = world.cacheAsOffline();
        assertThat(loaded.listOfLists().accepted()).isTrue();
        Map<String, String> expected = LiveWorld.verdicts(offline);
        for (ListVerdict verdict : loaded.lists()) {
            String territory = verdict.location().territory();
            if (Files.exists(world.cacheDirectory.resolve(territory + ".xml"))) {
                assertThat(LiveWorld.verdicts(new TrustedListsReport(loaded.validationTime(), loaded.listOfLists(),
                        loaded.pivots(), java.util.List.of(verdict))).get(territory)).as(territory)
                        .isEqualTo(expected.get(territory));
            }
        }
    }

    private static int temporaryFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.filter(f -> f.getFileName().toString().contains(".tmp-")).count();
        }
    }

    /** Stands for the process dying: nothing after it runs. */
    private static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** The real cache, until the process "dies" at a given write. */
    private static final class CrashingCache implements ListCache {
        private final ListCache delegate;
        private int writesLeft;

        CrashingCache(ListCache delegate, int writes) {
            this.delegate = delegate;
            this.writesLeft = writes;
        }

        @Override
        public java.util.Optional<CachedList> find(ListLocation location) {
            return delegate.find(location);
        }

        @Override
        public void store(ListDocument document, CacheMetadata metadata) throws ListCacheException {
            if (writesLeft-- == 0) {
                throw new SimulatedCrash();
            }
            delegate.store(document, metadata);
        }

        @Override
        public void updateMetadata(CacheMetadata metadata) throws ListCacheException {
            delegate.updateMetadata(metadata);
        }

        @Override
        public java.util.List<CacheMetadata> entries() {
            return delegate.entries();
        }

        @Override
        public void remove(ListLocation location) throws ListCacheException {
            delegate.remove(location);
        }

        @Override
        public Lock lock() throws ListCacheException {
            return delegate.lock();
        }
    }
}

package org.qtrust.adapters.http.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.http.offline.DirectoryListSource;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.refresh.port.CacheMetadata;
import org.qtrust.core.trustedlist.refresh.port.CachedList;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;

@Timeout(30)
class FileListCacheTest {

    private static final ListLocation LOTL = ListLocation.listOfLists("https://ec.europa.eu/tools/lotl/eu-lotl.xml");
    private static final ListLocation GREECE = new ListLocation("https://www.eett.gr/tsl/EL-TSL.xml",
            ListLocation.Role.TERRITORY_LIST, "EL");
    private static final ListLocation PIVOT = new ListLocation("https://ec.europa.eu/tools/lotl/eu-lotl-pivot-341.xml",
            ListLocation.Role.PIVOT, "EU");
    private static final Instant T = Instant.parse("2019-10-01T12:00:00Z");

    @TempDir
    Path folder;

    private FileListCache cache() {
        return new FileListCache(folder, DirectoryListSource.DEFAULT_MAX_BYTES, Duration.ofMillis(300));
    }

    private static CacheMetadata metadata(ListLocation location, String content) {
        return new CacheMetadata(location, Optional.of("\"v1\""), Optional.of("Wed, 04 Sep 2019 08:00:00 GMT"), T, T,
                FileListCache.sha256(content.getBytes(StandardCharsets.UTF_8)), BigInteger.valueOf(42),
                Instant.parse("2019-07-24T01:00:00Z"), Optional.of(Instant.parse("2020-01-24T00:00:00Z")));
    }

    private static void store(ListCache cache, ListLocation location, String content) throws ListCacheException {
        cache.store(new ListDocument(location.url(), content.getBytes(StandardCharsets.UTF_8)), metadata(location, content));
    }

    @Test
    void lists_are_stored_in_the_offline_layout_with_their_metadata_beside_them() throws Exception {
        FileListCache cache = cache();
        store(cache, LOTL, "<lotl/>");
        store(cache, GREECE, "<greece/>");
        store(cache, PIVOT, "<pivot/>");

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("EU.xml",
                    "EU.meta.properties", "EL.xml", "EL.meta.properties", "eu-lotl-pivot-341.xml",
                    "eu-lotl-pivot-341.meta.properties");
        }
        CachedList greece = cache.find(GREECE).orElseThrow();
        assertThat(new String(greece.document().content(), StandardCharsets.UTF_8)).isEqualTo("<greece/>");
        assertThat(greece.metadata()).contains(metadata(GREECE, "<greece/>"));
        assertThat(new DirectoryListSource(folder).find(GREECE)).isInstanceOf(DocumentLookup.Found.class);
        assertThat(cache.entries()).extracting(m -> m.location().territory()).containsExactly("EL", "EU", "EU");
        assertThat(cache.isEmpty()).isFalse();
    }

    @Test
    void metadata_that_does_not_match_the_document_is_ignored() throws Exception {
        FileListCache cache = cache();
        store(cache, GREECE, "<greece/>");
        Files.writeString(folder.resolve("EL.xml"), "<greece seq='43'/>");

        CachedList greece = cache.find(GREECE).orElseThrow();

        assertThat(greece.metadata()).isEmpty();
        assertThat(new String(greece.document().content(), StandardCharsets.UTF_8)).isEqualTo("<greece seq='43'/>");
    }

    @Test
    void a_seeded_document_without_metadata_is_found_and_metadata_can_be_added() throws Exception {
        Files.writeString(folder.resolve("EL.xml"), "<greece/>");
        FileListCache cache = cache();

        assertThat(cache.find(GREECE).orElseThrow().metadata()).isEmpty();
        cache.updateMetadata(metadata(GREECE, "<greece/>"));

        assertThat(cache.find(GREECE).orElseThrow().metadata()).isPresent();
        assertThatThrownBy(() -> cache.updateMetadata(metadata(LOTL, "<lotl/>"))).isInstanceOf(ListCacheException.class);
    }

    @Test
    void writes_leave_no_temporary_files_and_leftovers_of_a_killed_writer_are_removed_under_the_lock() throws Exception {
        FileListCache cache = cache();
        store(cache, GREECE, "<greece/>");
        assertThat(hiddenFiles()).isZero();
        Files.writeString(folder.resolve(".EL.xml.tmp-0000"), "<gree");

        ListCache.Lock lock = cache.lock();
        assertThat(hiddenFiles()).isZero();
        lock.close();
        assertThat(new DirectoryListSource(folder).find(GREECE)).isInstanceOf(DocumentLookup.Found.class);
    }

    @Test
    void only_one_refresh_holds_the_cache_at_a_time() throws Exception {
        FileListCache first = cache();
        FileListCache second = cache();

        ListCache.Lock lock = first.lock();
        assertThatThrownBy(second::lock).isInstanceOf(ListCacheException.class).hasMessageContaining("another");
        assertThatThrownBy(first::lock).isInstanceOf(ListCacheException.class);
        lock.close();
        second.lock().close();
    }

    @Test
    void names_from_a_list_cannot_leave_the_folder() {
        ListLocation evil = new ListLocation("https://x/", ListLocation.Role.TERRITORY_LIST, "../../etc/passwd");
        FileListCache cache = cache();

        assertThat(cache.find(evil)).isEmpty();
        assertThatThrownBy(() -> store(cache, evil, "<x/>")).isInstanceOf(ListCacheException.class)
                .hasMessageContaining("not a safe file name");
    }

    @Test
    void removing_a_list_removes_its_metadata() throws Exception {
        FileListCache cache = cache();
        store(cache, GREECE, "<greece/>");

        cache.remove(GREECE);

        assertThat(cache.find(GREECE)).isEmpty();
        assertThat(cache.entries()).isEmpty();
        assertThat(cache.isEmpty()).isTrue();
    }

    @Test
    void the_default_folder_is_the_users_cache_folder_never_the_temporary_one() {
        assertThat(CacheDirectories.defaultDirectory(Map.of("XDG_CACHE_HOME", "/var/cache/app"), "/home/rp"))
                .isEqualTo(Path.of("/var/cache/app/qtrust"));
        assertThat(CacheDirectories.defaultDirectory(Map.of(), "/home/rp")).isEqualTo(Path.of("/home/rp/.cache/qtrust"));
        assertThat(CacheDirectories.defaultDirectory(Map.of("XDG_CACHE_HOME", "relative/cache"), "/home/rp"))
                .isEqualTo(Path.of("/home/rp/.cache/qtrust"));
        assertThat(CacheDirectories.defaultDirectory().toString()).doesNotStartWith(System.getProperty("java.io.tmpdir"));
    }

    private long hiddenFiles() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().contains(".tmp-")).count();
        }
    }
}

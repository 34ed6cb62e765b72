package org.qtrust.adapters.http.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.core.lote.refresh.port.CachedLote;
import org.qtrust.core.lote.refresh.port.LoteCacheMetadata;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.refresh.port.ListCache;

/** The {@code lote/} folder of the list cache: deterministic safe names, metadata beside each copy, atomic writes. */
class FileLoteCacheTest {

    private static final String URL = "https://ec.europa.eu/tools/lotl/eu-pid-providers.jws?v=2";
    private static final String PID_TYPE = "http://uri.etsi.org/19602/LoTEType/EUPIDProvidersList";

    @TempDir
    Path folder;

    private FileLoteCache cache() {
        return new FileLoteCache(new FileListCache(folder));
    }

    private static LoteCacheMetadata metadata(String location, ListDocument document, int sequence) {
        Instant fetched = Instant.parse("2026-03-01T12:00:00Z");
        return new LoteCacheMetadata(location, PID_TYPE, "EU", BigInteger.valueOf(sequence), Instant.parse("2026-01-01T00:00:00Z"),
                Optional.of(Instant.parse("2026-07-01T00:00:00Z")), document.sha256(), fetched, fetched);
    }

    private static ListDocument document(String text) {
        return new ListDocument("downloaded", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void names_are_deterministic_safe_and_distinct_per_location() {
        String name = FileLoteCache.fileNameFor(URL);

        assertThat(name).isEqualTo(FileLoteCache.fileNameFor(URL)).matches("eu-pid-providers-[0-9a-f]{12}\\.jws");
        assertThat(FileLoteCache.fileNameFor("https://mirror.example/eu-pid-providers.jws")).isNotEqualTo(name);
        assertThat(FileLoteCache.fileNameFor("https://x.example/../../etc/passwd")).matches("passwd-[0-9a-f]{12}\\.lote");
        assertThat(FileLoteCache.fileNameFor("https://x.example/lists/")).matches("lote-[0-9a-f]{12}\\.lote");
        assertThat(FileLoteCache.fileNameFor("https://x.example/.hidden.meta.properties")).doesNotEndWith(".meta.properties");
    }

    @Test
    void a_file_is_one_entry_whatever_the_working_folder_that_named_it() {
        Path file = folder.resolve("pid.xml");

        assertThat(FileLoteCache.fileNameFor(file.toString()))
                .isEqualTo(FileLoteCache.fileNameFor(folder.resolve("sub/../pid.xml").toString()))
                .startsWith("pid-").endsWith(".xml");
    }

    @Test
    void a_stored_copy_is_found_with_its_metadata_and_the_original_location() throws Exception {
        ListDocument document = document("{\"LoTE\": 5}");

        cache().store(document, metadata(URL, document, 5));

        Path stored = folder.resolve("lote").resolve(FileLoteCache.fileNameFor(URL));
        assertThat(stored).hasContent("{\"LoTE\": 5}");
        String properties = Files.readString(folder.resolve("lote").resolve(FileLoteCache.metadataName(stored.getFileName().toString())));
        assertThat(properties).contains("location=https\\://ec.europa.eu/tools/lotl/eu-pid-providers.jws?v\\=2", "sequenceNumber=5",
                "territory=EU", "sha256=" + document.sha256(), "nextUpdate=2026-07-01T00\\:00\\:00Z");
        CachedLote found = cache().find(URL).orElseThrow();
        assertThat(found.document().content()).isEqualTo(document.content());
        assertThat(found.document().location()).isEqualTo(stored.toString());
        assertThat(found.metadata()).contains(metadata(URL, document, 5));
        assertThat(cache().find("https://ec.europa.eu/other.jws")).isEmpty();
    }

    @Test
    void a_new_copy_replaces_the_old_and_leaves_no_temporary_file() throws Exception {
        ListDocument older = document("older");
        ListDocument newer = document("newer");
        FileLoteCache cache = cache();

        cache.store(older, metadata(URL, older, 4));
        cache.store(newer, metadata(URL, newer, 5));

        assertThat(cache.find(URL).orElseThrow().metadata().orElseThrow().sequenceNumber()).isEqualTo(5);
        try (Stream<Path> files = Files.list(folder.resolve("lote"))) {
            assertThat(files.map(path -> path.getFileName().toString())).hasSize(2).noneMatch(name -> name.contains(".tmp-"));
        }
    }

    @Test
    void metadata_that_does_not_match_its_document_is_ignored() throws Exception {
        ListDocument stored = document("stored");
        cache().store(stored, metadata(URL, stored, 5));
        // A crash between the document's rename and its metadata's, or a copy seeded by hand.
        Files.writeString(cache().directory().resolve(FileLoteCache.fileNameFor(URL)), "replaced by hand");

        CachedLote found = cache().find(URL).orElseThrow();

        assertThat(found.metadata()).isEmpty();
        assertThat(new String(found.document().content(), StandardCharsets.UTF_8)).isEqualTo("replaced by hand");
    }

    @Test
    void the_lists_lock_is_taken_and_cleans_the_temporary_files_of_a_killed_write() throws Exception {
        Path leftover = Files.createDirectories(folder.resolve("lote")).resolve(".pid-0123.jws.tmp-1234");
        Files.writeString(leftover, "half a list");

        try (ListCache.Lock lock = cache().lock()) {
            assertThat(leftover).doesNotExist();
            assertThat(folder.resolve(".lock")).exists();
        }
    }

    @Test
    void the_trusted_lists_of_the_folder_never_see_the_lote_copies() throws Exception {
        ListDocument document = document("lote");
        cache().store(document, metadata(URL, document, 5));

        assertThat(new FileListCache(folder).entries()).isEmpty();
        assertThat(new FileListCache(folder).isEmpty()).isTrue();
    }
}

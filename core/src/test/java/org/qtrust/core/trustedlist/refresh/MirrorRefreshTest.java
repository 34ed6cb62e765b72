package org.qtrust.core.trustedlist.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.AT_SIGNER;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.BE_SIGNER;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.LOTL_URL;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.OJ_SIGNER;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.STRANGER;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.pointer;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.url;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.refresh.port.CacheMetadata;
import org.qtrust.core.trustedlist.refresh.port.FetchResult;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import org.qtrust.core.trustedlist.refresh.port.ListFetcher;

/**
 * Issue 19.2: documents a mirror serves when the publisher's location fails are verified
 * exactly as the publisher's (signer, rollback), and the report and the cache say which
 * source each copy came from.
 */
class MirrorRefreshTest {

    private static final String MIRROR = "https://mirror.example/qtrust/";

    private final RefreshWorld world = new RefreshWorld();
    /** What the mirror serves: cache-folder file name → document name. */
    private final Map<String, String> mirror = new ConcurrentHashMap<>();

    private final ListFetcher withMirror = (location, validators) -> {
        FetchResult fromPublisher = world.fetch(location, validators);
        if (!(fromPublisher instanceof FetchResult.Failed failed)) {
            return fromPublisher;
        }
        String file = RefreshWorld.MemoryCache.key(location);
        String name = mirror.get(file);
        if (name == null) {
            return new FetchResult.Failed(failed.reason() + "; mirror " + MIRROR + ": HTTP 404");
        }
        return new FetchResult.Downloaded(new ListDocument(MIRROR + file, name.getBytes(StandardCharsets.UTF_8)),
                Optional.of("\"mirror-etag\""), Optional.empty()).fromMirror(MIRROR, failed.reason());
    };

    private RefreshReport refresh() {
        try {
            return new TrustedListRefresher(withMirror, world.cache, world, world, Runnable::run, world.clock)
                    .refresh(RefreshWorld.request());
        } catch (ListCacheException e) {
            throw new AssertionError(e);
        }
    }

    private void mirrorEverything(String lotl, String at, String be) {
        mirror.put("EU.xml", lotl);
        mirror.put("AT.xml", at);
        mirror.put("BE.xml", be);
    }

    private Optional<CacheMetadata> metadata(String file) {
        return Optional.ofNullable(world.cache.stored.get(file)).flatMap(cached -> cached.metadata());
    }

    @Test
    void with_every_publisher_down_and_an_empty_cache_the_lists_come_from_the_mirror_verified_and_marked() {
        String lotl = world.lotl(248, OJ_SIGNER, pointer("AT", AT_SIGNER), pointer("BE", BE_SIGNER));
        String at = world.national("AT", 42, AT_SIGNER);
        String be = world.national("BE", 43, BE_SIGNER);
        mirrorEverything(lotl, at, be);
        world.fail(LOTL_URL, "connection refused");
        world.fail(url("AT"), "connection refused");
        world.fail(url("BE"), "connection refused");

        RefreshReport report = refresh();

        assertThat(report.usable()).isTrue();
        assertThat(report.entries()).extracting(ListRefresh::outcome).containsOnly(RefreshOutcome.NEW);
        assertThat(report.entries()).extracting(ListRefresh::source).containsOnly("mirror");
        assertThat(report.entries()).extracting(ListRefresh::mirror).containsOnly(Optional.of(MIRROR));
        assertThat(report.listOfLists().detail()).contains("from mirror " + MIRROR).contains("connection refused");
        assertThat(report.cache().lists()).allMatch(ListVerdict::accepted);
        // Stored under the publisher's location, with the mirror named and no validator of the mirror's.
        CacheMetadata stored = metadata("AT.xml").orElseThrow();
        assertThat(stored.location().url()).isEqualTo(url("AT"));
        assertThat(stored.mirror()).contains(MIRROR);
        assertThat(stored.etag()).isEmpty();
        assertThat(stored.fields()).containsEntry("mirror", MIRROR);
        assertThat(CacheMetadata.fromFields(stored.fields()::get)).isEqualTo(stored);
    }

    @Test
    void a_tampered_mirror_document_is_refused_and_the_last_good_copy_stays() {
        String lotl = world.lotl(248, OJ_SIGNER, pointer("AT", AT_SIGNER), pointer("BE", BE_SIGNER));
        world.national("AT", 42, AT_SIGNER);
        String be = world.national("BE", 43, BE_SIGNER);
        refresh();
        // The publisher of AT is down; the mirror serves a newer AT list signed by a key the LOTL does not announce.
        String forged = world.national("AT", 43, STRANGER);
        world.fail(url("AT"), "HTTP 503");
        mirrorEverything(lotl, forged, be);

        RefreshReport report = refresh();

        ListRefresh entry = report.list("AT").orElseThrow();
        assertThat(entry.outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(entry.problem().orElseThrow().rejection()).contains(ListRejection.SIGNER_NOT_TRUSTED);
        assertThat(entry.detail()).contains("copy from mirror " + MIRROR).contains("HTTP 503");
        assertThat(entry.source()).isEqualTo("publisher");
        assertThat(world.cached("AT")).startsWith("AT#42");
        assertThat(report.cache().lists()).allMatch(ListVerdict::accepted);
    }

    @Test
    void an_older_list_from_a_mirror_is_a_rollback_and_is_refused() {
        String lotl = world.lotl(248, OJ_SIGNER, pointer("AT", AT_SIGNER), pointer("BE", BE_SIGNER));
        String old = world.national("AT", 41, AT_SIGNER);
        world.national("AT", 42, AT_SIGNER);
        String be = world.national("BE", 43, BE_SIGNER);
        refresh();
        world.fail(url("AT"), "HTTP 500");
        mirrorEverything(lotl, old, be);

        RefreshReport report = refresh();

        ListRefresh entry = report.list("AT").orElseThrow();
        assertThat(entry.outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(entry.problem().orElseThrow().code()).isEqualTo("rollback");
        assertThat(entry.sequence()).contains(BigInteger.valueOf(42));
        assertThat(world.cached("AT")).startsWith("AT#42");
    }

    @Test
    void a_mirror_is_asked_only_when_the_publisher_fails_and_the_publisher_confirming_the_copy_makes_it_the_publishers() {
        String lotl = world.lotl(248, OJ_SIGNER, pointer("AT", AT_SIGNER), pointer("BE", BE_SIGNER));
        String at = world.national("AT", 42, AT_SIGNER);
        String be = world.national("BE", 43, BE_SIGNER);
        mirrorEverything(lotl, at, be);
        world.fail(url("AT"), "HTTP 502");
        refresh();
        assertThat(metadata("AT.xml").orElseThrow().mirror()).contains(MIRROR);
        assertThat(metadata("BE.xml").orElseThrow().mirror()).isEmpty();

        // The mirror again, the same bytes: nothing is confirmed by it, the metadata stays.
        CacheMetadata before = metadata("AT.xml").orElseThrow();
        RefreshReport again = refresh();
        assertThat(again.list("AT").orElseThrow().outcome()).isEqualTo(RefreshOutcome.NOT_MODIFIED);
        assertThat(again.list("AT").orElseThrow().detail()).contains("the mirror serves the cached copy");
        assertThat(again.list("AT").orElseThrow().source()).isEqualTo("mirror");
        assertThat(metadata("AT.xml")).contains(before);

        // The publisher is back and serves the same bytes: the copy is now the publisher's.
        world.heal(url("AT"));
        RefreshReport healed = refresh();
        assertThat(healed.list("AT").orElseThrow().outcome()).isEqualTo(RefreshOutcome.NOT_MODIFIED);
        assertThat(healed.list("AT").orElseThrow().source()).isEqualTo("publisher");
        assertThat(metadata("AT.xml").orElseThrow().mirror()).isEmpty();
        assertThat(metadata("AT.xml").orElseThrow().etag()).isPresent();
    }

    @Test
    void when_the_publisher_and_every_mirror_fail_the_reasons_of_both_are_reported() {
        world.lotl(248, OJ_SIGNER, pointer("AT", AT_SIGNER), pointer("BE", BE_SIGNER));
        world.national("AT", 42, AT_SIGNER);
        world.national("BE", 43, BE_SIGNER);
        refresh();
        world.fail(url("AT"), "HTTP 500");

        ListRefresh entry = refresh().list("AT").orElseThrow();

        assertThat(entry.outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(entry.detail()).contains("HTTP 500").contains("mirror " + MIRROR + ": HTTP 404");
        assertThat(new ListLocation(url("AT"), ListLocation.Role.TERRITORY_LIST, "AT").fileName()).isEqualTo("AT-tl.xml");
    }
}

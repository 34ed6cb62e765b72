package org.qtrust.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15 item 3: caches bounded in bytes, least recently used first out, keyed by digests. */
class BoundedCacheTest {

    @Test
    void entries_are_evicted_least_recently_used_first_when_their_weight_exceeds_the_bound() {
        BoundedCache<String, String> cache = new BoundedCache<>(300);
        cache.put("a", "A", 100);
        cache.put("b", "B", 100);
        cache.put("c", "C", 100);
        assertThat(cache.get("a")).isEqualTo("A");

        cache.put("d", "D", 100);

        assertThat(cache.get("b")).as("least recently used").isNull();
        assertThat(cache.get("a")).isEqualTo("A");
        assertThat(cache.get("c")).isEqualTo("C");
        assertThat(cache.get("d")).isEqualTo("D");
        assertThat(cache.bytes()).isEqualTo(300);
        assertThat(cache.evictions()).isEqualTo(1);
    }

    @Test
    void a_flood_of_heavy_entries_never_exceeds_the_bound() {
        BoundedCache<Digest, byte[]> cache = new BoundedCache<>(1_000_000);
        for (int i = 0; i < 1000; i++) {
            byte[] input = new byte[175_000];
            input[0] = (byte) i;
            input[1] = (byte) (i >> 8);
            cache.put(Digest.of(input), new byte[16], 175_000);
            assertThat(cache.bytes()).isLessThanOrEqualTo(1_000_000);
        }
        assertThat(cache.size()).isEqualTo(5);
    }

    @Test
    void an_entry_heavier_than_the_whole_cache_is_not_kept_and_replacing_an_entry_counts_once() {
        BoundedCache<String, String> cache = new BoundedCache<>(100);
        cache.put("big", "B", 101);
        cache.put("k", "v1", 60);
        cache.put("k", "v2", 70);

        assertThat(cache.get("big")).isNull();
        assertThat(cache.get("k")).isEqualTo("v2");
        assertThat(cache.bytes()).isEqualTo(70);
    }

    @Test
    void digests_of_equal_inputs_are_equal_and_parts_are_delimited() {
        assertThat(Digest.of(new byte[] {1, 2})).isEqualTo(Digest.of(new byte[] {1, 2})).isNotEqualTo(Digest.of(new byte[] {2, 1}));
        assertThat(Digest.ofStrings(List.of("ab", "c"))).isNotEqualTo(Digest.ofStrings(List.of("a", "bc")));
        assertThat(Digest.ofStrings(List.of("a"), 1L)).isNotEqualTo(Digest.ofStrings(List.of("a"), 2L))
                .isEqualTo(Digest.ofStrings(List.of("a"), 1L));
        assertThat(Digest.of(new byte[0]).toString()).hasSize(64)
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}

package org.qtrust.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BoundedReplayCacheTest {

    private static final Instant T = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void remembers_a_nonce_and_sd_hash_until_its_time_is_over() {
        BoundedReplayCache cache = new BoundedReplayCache(10);

        assertThat(cache.present("n", "h", T, T.plusSeconds(360))).isEqualTo(ReplayGuard.Seen.FIRST);
        assertThat(cache.present("n", "h", T.plusSeconds(359), T.plusSeconds(700))).isEqualTo(ReplayGuard.Seen.REPLAYED);
        assertThat(cache.present("n", "other", T, T.plusSeconds(360))).isEqualTo(ReplayGuard.Seen.FIRST);
        assertThat(cache.present("n", "h", T.plusSeconds(361), T.plusSeconds(700))).isEqualTo(ReplayGuard.Seen.FIRST);
    }

    @Test
    void nonce_and_sd_hash_cannot_be_shifted_into_each_other() {
        BoundedReplayCache cache = new BoundedReplayCache(10);

        assertThat(cache.present("a~", "b", T, T.plusSeconds(60))).isEqualTo(ReplayGuard.Seen.FIRST);
        assertThat(cache.present("a", "~b", T, T.plusSeconds(60))).isEqualTo(ReplayGuard.Seen.FIRST);
    }

    @Test
    void when_full_of_fresh_entries_it_says_so_instead_of_forgetting_one() {
        BoundedReplayCache cache = new BoundedReplayCache(2);
        cache.present("1", "h", T, T.plusSeconds(100));
        cache.present("2", "h", T, T.plusSeconds(50));

        assertThat(cache.present("3", "h", T.plusSeconds(10), T.plusSeconds(200))).isEqualTo(ReplayGuard.Seen.FULL);
        assertThat(cache.present("1", "h", T.plusSeconds(10), T.plusSeconds(200))).isEqualTo(ReplayGuard.Seen.REPLAYED);
        assertThat(cache.present("3", "h", T.plusSeconds(51), T.plusSeconds(200))).isEqualTo(ReplayGuard.Seen.FIRST);
        assertThat(cache.size()).isEqualTo(2);
    }
}

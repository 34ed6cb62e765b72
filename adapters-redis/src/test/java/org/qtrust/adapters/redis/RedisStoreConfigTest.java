package org.qtrust.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisStoreConfigTest {

    @Test
    void readsHostPortDatabaseAndCredentialsButNeverShowsThem() {
        RedisStoreConfig config = RedisStoreConfig.parse("redis://ops:p%40ss@cache.internal:6380/3", "qt-prod:");
        assertThat(config.host()).isEqualTo("cache.internal");
        assertThat(config.port()).isEqualTo(6380);
        assertThat(config.database()).isEqualTo(3);
        assertThat(config.user()).contains("ops");
        assertThat(config.password()).contains("p@ss");
        assertThat(config.prefix()).isEqualTo("qt-prod:");
        assertThat(config.display()).isEqualTo("redis://cache.internal:6380/3");
        assertThat(config.toString()).doesNotContain("p@ss").doesNotContain("p%40ss");
    }

    @Test
    void defaultsToPort6379Database0AndPrefixQtrust() {
        RedisStoreConfig config = RedisStoreConfig.parse("redis://127.0.0.1", null);
        assertThat(config.port()).isEqualTo(6379);
        assertThat(config.database()).isZero();
        assertThat(config.prefix()).isEqualTo("qtrust:");
        assertThat(config.password()).isEmpty();
    }

    @Test
    void refusesWhatIsNotARedisUrlWithoutRepeatingIt() {
        for (String bad : new String[] {"http://127.0.0.1:6379", "redis://", "redis://h:6379/16", "redis://h:6379/x",
                "redis://:secret@h:6379/0?x=1", "not a url at all"}) {
            assertThatThrownBy(() -> RedisStoreConfig.parse(bad, null)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
        }
        assertThatThrownBy(() -> RedisStoreConfig.parse("redis://h", "bad prefix*")).isInstanceOf(IllegalArgumentException.class);
    }
}

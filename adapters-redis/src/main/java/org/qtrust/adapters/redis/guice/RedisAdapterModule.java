package org.qtrust.adapters.redis.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Duration;
import java.util.Objects;
import com.google.inject.multibindings.OptionalBinder;
import org.qtrust.adapters.redis.RedisEvidenceStore;
import org.qtrust.adapters.redis.RedisListCache;
import org.qtrust.adapters.redis.RedisLoteCache;
import org.qtrust.adapters.redis.RedisRefreshLease;
import org.qtrust.adapters.redis.RedisSnapshotStore;
import org.qtrust.adapters.redis.RedisStore;
import org.qtrust.adapters.redis.RedisStoreConfig;
import org.qtrust.core.cache.port.SharedEvidenceStore;
import org.qtrust.core.lote.refresh.port.LoteCache;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.RefreshLease;
import org.qtrust.core.trustedlist.refresh.port.SnapshotStore;

/**
 * Binds the ports adapters-redis implements: {@link ListCache} and {@link LoteCache} (the
 * verified documents, metadata and rollback floors in Redis), {@link RefreshLease} and
 * {@link SnapshotStore}; and the {@link SharedEvidenceStore} (OCSP responses, CRLs, status list
 * tokens shared by replicas, with its own short-timeout pool) as the optional binding the OCSP
 * adapter and the credential services look for. Close the {@link RedisStore} and the
 * {@link RedisEvidenceStore} at shutdown.
 */
public final class RedisAdapterModule extends AbstractModule {

    private final RedisStoreConfig config;
    private final Duration lockWait;

    public RedisAdapterModule(RedisStoreConfig config, Duration lockWait) {
        this.config = Objects.requireNonNull(config);
        this.lockWait = Objects.requireNonNull(lockWait);
    }

    @Override
    protected void configure() {
        bind(RedisStoreConfig.class).toInstance(config);
        bind(ListCache.class).to(RedisListCache.class);
        bind(LoteCache.class).to(RedisLoteCache.class);
        bind(RefreshLease.class).to(RedisRefreshLease.class);
        bind(SnapshotStore.class).to(RedisSnapshotStore.class);
        OptionalBinder.newOptionalBinder(binder(), SharedEvidenceStore.class).setBinding().to(RedisEvidenceStore.class);
    }

    @Provides
    @Singleton
    RedisEvidenceStore evidenceStore() {
        return new RedisEvidenceStore(config);
    }

    @Provides
    @Singleton
    RedisStore redisStore() {
        return new RedisStore(config);
    }

    @Provides
    @Singleton
    RedisRefreshLease refreshLease(RedisStore store) {
        return new RedisRefreshLease(store, lockWait);
    }

    @Provides
    @Singleton
    RedisListCache listCache(RedisStore store, RedisRefreshLease lease) {
        return new RedisListCache(store, lease);
    }

    @Provides
    @Singleton
    RedisLoteCache loteCache(RedisStore store, RedisRefreshLease lease) {
        return new RedisLoteCache(store, lease);
    }

    @Provides
    @Singleton
    RedisSnapshotStore snapshotStore(RedisStore store) {
        return new RedisSnapshotStore(store);
    }
}

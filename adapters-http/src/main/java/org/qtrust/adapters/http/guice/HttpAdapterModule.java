package org.qtrust.adapters.http.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import java.util.Objects;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.fetch.HttpListSource;
import org.qtrust.adapters.http.mirror.MirroredListFetcher;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.trustedlist.port.ListDocumentSource;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListFetcher;

/**
 * Binds the ports adapters-http implements: {@link HttpTransport} (one pooled HttpClient 5,
 * also for adapters-ocsp), {@link ListFetcher} (conditional downloads with retries, then the
 * configured mirrors),
 * {@link ListCache} (the cache folder), and the live HTTP {@link ListDocumentSource} under
 * {@code @Named(LIVE_LISTS)} — unqualified {@code ListDocumentSource} stays the application's
 * choice (offline folder, cache, network). Close the {@link HttpClient5Transport} at shutdown.
 */
public final class HttpAdapterModule extends AbstractModule {

    /** The name of the live (network, no cache) {@link ListDocumentSource} binding. */
    public static final String LIVE_LISTS = "qtrust.live-lists";

    private final HttpAdapterConfig config;

    public HttpAdapterModule(HttpAdapterConfig config) {
        this.config = Objects.requireNonNull(config);
    }

    @Override
    protected void configure() {
        bind(HttpAdapterConfig.class).toInstance(config);
    }

    @Provides
    @Singleton
    HttpClient5Transport httpClient5Transport() {
        // Mirrors are fetched where they are configured: no rewrite rule applies to them.
        return new HttpClient5Transport(config.transport().withRewrites(
                config.transport().rewrites().leavingAlone(config.mirrors().bases())));
    }

    @Provides
    @Singleton
    HttpTransport httpTransport(HttpClient5Transport transport) {
        return transport;
    }

    @Provides
    @Singleton
    HttpListSource httpListSource(HttpTransport transport) {
        return new HttpListSource(transport, config.fetch());
    }

    @Provides
    @Singleton
    ListFetcher listFetcher(HttpListSource source) {
        // With --lotl-mirror: the publisher's location first, then each mirror (issue 19.2).
        return config.mirrors().isEmpty() ? source : new MirroredListFetcher(source, source, config.mirrors());
    }

    @Provides
    @Singleton
    @Named(LIVE_LISTS)
    ListDocumentSource liveLists(HttpListSource source) {
        return source;
    }

    @Provides
    @Singleton
    FileListCache fileListCache() {
        return new FileListCache(config.cacheDirectory());
    }

    @Provides
    @Singleton
    ListCache listCache(FileListCache cache) {
        return cache;
    }
}

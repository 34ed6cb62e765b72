package org.qtrust.adapters.http.guice;

import java.nio.file.Path;
import java.util.Objects;
import org.qtrust.adapters.http.cache.CacheDirectories;
import org.qtrust.adapters.http.fetch.FetchConfig;
import org.qtrust.adapters.http.transport.TransportConfig;

/**
 * The configuration of adapters-http.
 *
 * @param transport      timeouts, size limit, redirects, rewrite rules, proxy, TLS trust
 * @param fetch          retries, backoff, list size limit, parallel downloads
 * @param cacheDirectory the list cache folder
 */
public record HttpAdapterConfig(TransportConfig transport, FetchConfig fetch, Path cacheDirectory) {

    public HttpAdapterConfig {
        Objects.requireNonNull(transport);
        Objects.requireNonNull(fetch);
        Objects.requireNonNull(cacheDirectory);
    }

    /** The defaults, with the cache in the user's cache directory. */
    public static HttpAdapterConfig defaults() {
        return new HttpAdapterConfig(TransportConfig.defaults(), FetchConfig.defaults(),
                CacheDirectories.defaultDirectory());
    }

    public HttpAdapterConfig withTransport(TransportConfig config) {
        return new HttpAdapterConfig(config, fetch, cacheDirectory);
    }

    public HttpAdapterConfig withFetch(FetchConfig config) {
        return new HttpAdapterConfig(transport, config, cacheDirectory);
    }

    public HttpAdapterConfig withCacheDirectory(Path directory) {
        return new HttpAdapterConfig(transport, fetch, directory);
    }
}

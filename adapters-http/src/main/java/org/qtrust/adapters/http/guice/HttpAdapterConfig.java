package org.qtrust.adapters.http.guice;

import java.nio.file.Path;
import java.util.Objects;
import org.qtrust.adapters.http.cache.CacheDirectories;
import org.qtrust.adapters.http.fetch.FetchConfig;
import org.qtrust.adapters.http.mirror.ListMirrors;
import org.qtrust.adapters.http.transport.TransportConfig;

/**
 * The configuration of adapters-http.
 *
 * @param transport      timeouts, size limit, redirects, rewrite rules, proxy, TLS trust
 * @param fetch          retries, backoff, list size limit, parallel downloads
 * @param cacheDirectory the list cache folder
 * @param mirrors        where lists are also fetched when their own location fails (issue 19.2)
 */
public record HttpAdapterConfig(TransportConfig transport, FetchConfig fetch, Path cacheDirectory, ListMirrors mirrors) {

    public HttpAdapterConfig {
        Objects.requireNonNull(transport);
        Objects.requireNonNull(fetch);
        Objects.requireNonNull(cacheDirectory);
        Objects.requireNonNull(mirrors);
    }

    /** Without mirrors. */
    public HttpAdapterConfig(TransportConfig transport, FetchConfig fetch, Path cacheDirectory) {
        this(transport, fetch, cacheDirectory, ListMirrors.NONE);
    }

    /** The defaults, with the cache in the user's cache directory. */
    public static HttpAdapterConfig defaults() {
        return new HttpAdapterConfig(TransportConfig.defaults(), FetchConfig.defaults(),
                CacheDirectories.defaultDirectory());
    }

    public HttpAdapterConfig withTransport(TransportConfig config) {
        return new HttpAdapterConfig(config, fetch, cacheDirectory, mirrors);
    }

    public HttpAdapterConfig withFetch(FetchConfig config) {
        return new HttpAdapterConfig(transport, config, cacheDirectory, mirrors);
    }

    public HttpAdapterConfig withCacheDirectory(Path directory) {
        return new HttpAdapterConfig(transport, fetch, directory, mirrors);
    }

    public HttpAdapterConfig withMirrors(ListMirrors configured) {
        return new HttpAdapterConfig(transport, fetch, cacheDirectory, configured);
    }
}

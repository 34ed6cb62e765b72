package org.qtrust.adapters.http.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.fetch.HttpListSource;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
import org.qtrust.adapters.http.transport.RewriteRules;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.trustedlist.port.ListDocumentSource;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListFetcher;

class HttpAdapterModuleTest {

    @Test
    void the_module_binds_one_transport_the_fetcher_the_live_source_and_the_configured_cache(@TempDir Path cache) {
        HttpAdapterConfig config = HttpAdapterConfig.defaults().withCacheDirectory(cache)
                .withTransport(HttpAdapterConfig.defaults().transport()
                        .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(5))
                        .withRewrites(RewriteRules.parse(List.of("https://ec.europa.eu/=http://mirror.example/"))));
        Injector injector = Guice.createInjector(new HttpAdapterModule(config));

        HttpTransport transport = injector.getInstance(HttpTransport.class);
        assertThat(transport).isSameAs(injector.getInstance(HttpClient5Transport.class));
        assertThat(((HttpClient5Transport) transport).config().readTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(injector.getInstance(ListFetcher.class)).isSameAs(injector.getInstance(HttpListSource.class));
        assertThat(injector.getInstance(Key.get(ListDocumentSource.class, Names.named(HttpAdapterModule.LIVE_LISTS))))
                .isSameAs(injector.getInstance(HttpListSource.class));
        assertThat(injector.getInstance(ListCache.class)).isInstanceOfSatisfying(FileListCache.class,
                files -> assertThat(files.directory()).isEqualTo(cache.toAbsolutePath().normalize()));
        injector.getInstance(HttpClient5Transport.class).close();
    }
}

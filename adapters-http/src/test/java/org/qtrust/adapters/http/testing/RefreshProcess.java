package org.qtrust.adapters.http.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.fetch.FetchConfig;
import org.qtrust.adapters.http.fetch.HttpListSource;
import org.qtrust.adapters.http.transport.EgressRule;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
import org.qtrust.adapters.http.transport.ProxySetting;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.core.trustedlist.refresh.RefreshListener;
import org.qtrust.core.trustedlist.refresh.TrustedListRefresher;
import org.qtrust.core.trustedlist.refresh.port.FetchResult;
import org.qtrust.core.trustedlist.ListLocation;

/** Child process: refreshes a cache from the loopback server given as argument, until killed. */
public final class RefreshProcess {

    private RefreshProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path cacheDirectory = Path.of(args[0]);
        String serverBase = args[1];
        HttpClient5Transport transport = new HttpClient5Transport(TransportConfig.defaults().withEgress(EgressRule.loopbackSandbox())
                .withRewrites(LiveWorld.rewriteRules(serverBase, Map.of())).withProxy(ProxySetting.direct()));
        ExecutorService workers = Executors.newFixedThreadPool(4);
        TrustedListRefresher refresher = new TrustedListRefresher(new HttpListSource(transport, FetchConfig.defaults()),
                new FileListCache(cacheDirectory), new TestListReader(), new TestSignatureVerifier(), workers,
                Clock.systemUTC());
        RefreshListener progress = new RefreshListener() {
            @Override
            public void fetched(ListLocation location, FetchResult result) {
                System.out.println("fetched " + location.territory());
            }
        };
        System.out.println("ready");
        refresher.refresh(LiveWorld.request(LiveWorld.AT), progress);
        System.out.println("done");
        workers.shutdownNow();
        transport.close();
        Thread.sleep(Duration.ofMinutes(1).toMillis());
    }
}

package org.qtrust.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.server.QtrustServer;
import org.qtrust.server.RunningServer;

/**
 * With --cache the server serves what the cache holds at once and refreshes it from the
 * network in the background; when the publisher cannot be reached the cached lists stay in
 * force and the failure is counted.
 */
class CacheModeTest {

    @TempDir
    Path cache;

    @Test
    void an_unreachable_publisher_leaves_the_cached_lists_in_force_and_counts_the_failure() throws Exception {
        // A small cache keeps the test quick: the LOTL and two of the lists it points to.
        for (String file : List.of("EU.xml", "AT.xml", "BE.xml")) {
            Files.copy(RunningServer.data("lotl-snapshot/" + file), cache.resolve(file));
        }
        var settings = org.qtrust.server.config.SettingsResolver.of(List.of("--port", "0", "--cache", cache.toString(),
                "--lotl-url", "http://127.0.0.1:9/eu-lotl.xml",
                // The cached LOTL points at the real publishers: send every download to a closed loopback port instead.
                "--rewrite", "http://=http://127.0.0.1:9/", "--rewrite", "https://=http://127.0.0.1:9/",
                "--oj-keystore", RunningServer.data("oj-keystore/keystore.p12").toString(), "--oj-password", "dss-password"),
                java.util.Map.of()).resolve();

        try (QtrustServer server = QtrustServer.start(settings, Clock.fixed(RunningServer.NOW, ZoneOffset.UTC))) {
            assertThat(server.awaitSnapshot(Duration.ofMinutes(3))).isTrue();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> lists = get(client, server, "/v1/trusted-lists");

            assertThat(lists.statusCode()).isEqualTo(200);
            assertThat(RunningServer.json(lists).get("origin").asText()).startsWith("cache ");
            assertThat(RunningServer.json(lists).get("lists")).hasSize(31);
            assertThat(RunningServer.json(lists).get("lists")).filteredOn(l -> l.get("accepted").asBoolean())
                    .extracting(l -> l.get("territory").asText()).containsExactlyInAnyOrder("AT", "BE");
            assertThat(get(client, server, "/ready").statusCode()).isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (server.snapshots().failureCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(server.snapshots().failureCount()).isPositive();
            assertThat(get(client, server, "/metrics").body()).containsPattern("qtrust_list_refresh_failures_total [1-9]");
            assertThat(server.snapshots().current()).isPresent();
        }
    }

    private static HttpResponse<String> get(HttpClient client, QtrustServer server, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

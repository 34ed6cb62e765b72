package org.qtrust.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qtrust.adapters.redis.RedisRefreshLease;
import org.qtrust.adapters.redis.RedisStore;
import org.qtrust.adapters.redis.RedisStoreConfig;
import org.qtrust.adapters.redis.testing.RedisServerProcess;
import org.qtrust.adapters.xml.Ts119612ListReader;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListPointer;
import org.qtrust.core.trustedlist.refresh.port.RefreshLease;
import org.qtrust.server.QtrustServer;
import org.qtrust.server.RunningServer;
import org.qtrust.server.config.SettingsResolver;
import redis.clients.jedis.JedisPooled;

/**
 * Server replicas on one real redis-server (a free loopback port) and a loopback publisher of
 * the real September 2019 LOTL with two of its lists (AT, BE): every replica answers from the
 * same snapshot id, a newer snapshot reaches all of them after one refresh, what is changed in
 * Redis is refused, Redis going away leaves them answering, and a refresher that dies is replaced.
 */
@Timeout(300)
class ReplicasTest {

    private RedisServerProcess redis;
    private Publisher publisher;
    private String prefix;
    private final List<QtrustServer> replicas = new ArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        redis = RedisServerProcess.start();
        publisher = new Publisher();
        prefix = "replicas" + System.nanoTime() + ":";
    }

    @AfterEach
    void stop() {
        replicas.forEach(QtrustServer::close);
        publisher.close();
        redis.close();
    }

    private QtrustServer replica(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--store", redis.url(), "--store-prefix", prefix,
                "--store-poll", "PT1S", "--store-lease", "PT2S", "--revocation", "off", "--allow-loopback-http",
                "--oj-keystore", RunningServer.data("oj-keystore/keystore.p12").toString(), "--oj-password", "dss-password"));
        args.addAll(List.of(more)); // before the catch-all rewrites: the first matching rule applies
        args.addAll(publisher.rewrites());
        QtrustServer server = QtrustServer.start(SettingsResolver.of(args, Map.of()).resolve(),
                Clock.fixed(RunningServer.NOW, ZoneOffset.UTC));
        replicas.add(server);
        return server;
    }

    private JsonNode get(QtrustServer server, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        return RunningServer.json(response);
    }

    private static boolean accepted(JsonNode lists, String territory) {
        for (JsonNode list : lists.get("lists")) {
            if (list.get("territory").asText().equals(territory)) {
                return list.get("accepted").asBoolean();
            }
        }
        return false;
    }

    private static JsonNode list(JsonNode lists, String territory) {
        for (JsonNode list : lists.get("lists")) {
            if (list.get("territory").asText().equals(territory)) {
                return list;
            }
        }
        throw new AssertionError("no " + territory);
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    private String snapshotOf(QtrustServer server) {
        return server.snapshots().current().flatMap(s -> s.snapshotId()).orElse("");
    }

    private JedisPooled jedis() {
        return new JedisPooled("127.0.0.1", redis.port());
    }

    @Test
    void replicasAnswerFromOneSnapshotAndANewerOneReachesEachWithinFiveSecondsOfOneRefresh() throws Exception {
        publisher.withhold("BE.xml");
        QtrustServer a = replica();
        assertThat(a.awaitSnapshot(Duration.ofMinutes(2))).isTrue();
        QtrustServer b = replica();
        assertThat(b.awaitSnapshot(Duration.ofMinutes(2))).isTrue();

        String first = snapshotOf(a);
        assertThat(first).hasSize(64).isEqualTo(snapshotOf(b));
        JsonNode listsA = get(a, "/v1/trusted-lists");
        assertThat(listsA.get("snapshot").asText()).isEqualTo(first);
        assertThat(get(b, "/v1/trusted-lists").get("snapshot").asText()).isEqualTo(first);
        assertThat(accepted(listsA, "AT")).isTrue();
        assertThat(accepted(listsA, "BE")).isFalse();
        JsonNode ready = get(b, "/ready");
        assertThat(ready.get("store").get("state").asText()).isEqualTo("fresh");
        assertThat(ready.get("snapshot").asText()).isEqualTo(first);
        String metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("qtrust_store_state{state=\"fresh\"} 1").contains("qtrust_store_commands_total ");
        // only one replica refreshed: the second found the snapshot fresh
        long listFetches = publisher.requests("AT.xml");
        assertThat(listFetches).isEqualTo(1);

        // Belgium publishes; the snapshot becomes due (as after the refresh interval) and one replica refreshes.
        publisher.serve("BE.xml");
        try (JedisPooled jedis = jedis()) {
            jedis.hset(prefix + "snapshot:current", "publishedAt", "2000-01-01T00:00:00Z");
            await(Duration.ofSeconds(30), () -> !first.equals(jedis.hget(prefix + "snapshot:current", "id")));
            String second = jedis.hget(prefix + "snapshot:current", "id");
            long published = System.nanoTime();
            await(Duration.ofSeconds(5), () -> second.equals(snapshotOf(a)) && second.equals(snapshotOf(b)));
            System.out.printf("a new snapshot reached both replicas %d ms after it was published%n",
                    (System.nanoTime() - published) / 1_000_000);
        }
        assertThat(accepted(get(a, "/v1/trusted-lists"), "BE")).isTrue();
        assertThat(accepted(get(b, "/v1/trusted-lists"), "BE")).isTrue();
        JsonNode verdict = RunningServer.json(client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + a.port() + "/v1/certificates/verify"))
                .POST(HttpRequest.BodyPublishers.ofString(RunningServer.question(
                        RunningServer.certificate("435504bfd802-EC-DIGIT.pem"), "2019-10-01T00:00:00Z")))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(verdict.get("snapshot").asText()).isEqualTo(snapshotOf(a));
    }

    @Test
    void bytesChangedInRedisAreRefusedAndAReplicaKeepsItsLastVerifiedCopy() throws Exception {
        QtrustServer a = replica();
        assertThat(a.awaitSnapshot(Duration.ofMinutes(2))).isTrue();
        assertThat(accepted(get(a, "/v1/trusted-lists"), "AT")).isTrue();

        try (JedisPooled jedis = jedis(); RedisStore store = new RedisStore(RedisStoreConfig.parse(redis.url(), prefix))) {
            String key = prefix + "doc:" + jedis.hget(prefix + "list:AT.xml", "sha256");
            jedis.set(key, jedis.get(key).replace("A-Trust", "B-Trust"));
            // hold the lease so that no replica heals the store while we look
            RedisRefreshLease lease = new RedisRefreshLease(store, Duration.ofSeconds(10));
            try (RedisRefreshLease.Grant held = lease.hold()) {
                QtrustServer fresh = replica();
                assertThat(fresh.awaitSnapshot(Duration.ofMinutes(2))).isTrue();
                JsonNode austria = list(get(fresh, "/v1/trusted-lists"), "AT");
                assertThat(austria.get("accepted").asBoolean()).isFalse();
                assertThat(austria.get("reason").asText()).isEqualTo("list_unavailable");
                assertThat(accepted(get(fresh, "/v1/trusted-lists"), "BE")).isTrue();
                assertThat(get(fresh, "/ready").get("lastFailure").asText()).contains("AT.xml")
                        .contains("changed after they were verified");

                // a new snapshot naming the changed bytes: the replica that verified AT before keeps its copy
                String current = jedis.hget(prefix + "snapshot:current", "manifest");
                String withoutBelgium = String.join("\n", current.lines().filter(l -> !l.contains("\tBE.xml\t")).toList()) + "\n";
                var manifest = org.qtrust.core.trustedlist.refresh.SnapshotManifest.parse(withoutBelgium, RunningServer.NOW);
                assertThat(new org.qtrust.adapters.redis.RedisSnapshotStore(store).publish(manifest, held.fencingToken())).isTrue();
                await(Duration.ofSeconds(10), () -> manifest.id().equals(snapshotOf(a)));
                JsonNode lists = get(a, "/v1/trusted-lists");
                assertThat(accepted(lists, "AT")).as("last verified copy kept").isTrue();
                assertThat(accepted(lists, "BE")).as("last verified copy kept").isTrue();
                assertThat(a.snapshots().lastFailure()).hasValueSatisfying(f -> assertThat(f).contains("AT.xml")
                        .contains("last verified copy is kept"));
            }
        }
    }

    @Test
    void aRollbackWrittenIntoRedisIsRefused() throws Exception {
        QtrustServer a = replica();
        assertThat(a.awaitSnapshot(Duration.ofMinutes(2))).isTrue();
        try (JedisPooled jedis = jedis(); RedisStore store = new RedisStore(RedisStoreConfig.parse(redis.url(), prefix))) {
            // the store once held a newer Austrian list than the one its snapshot names
            jedis.set(prefix + "floor:list:AT.xml", "1000000");
            try (RedisRefreshLease.Grant held = new RedisRefreshLease(store, Duration.ofSeconds(10)).hold()) {
                QtrustServer fresh = replica();
                assertThat(fresh.awaitSnapshot(Duration.ofMinutes(2))).isTrue();
                JsonNode austria = list(get(fresh, "/v1/trusted-lists"), "AT");
                assertThat(austria.get("accepted").asBoolean()).isFalse();
                assertThat(austria.get("reason").asText()).isEqualTo("rollback");
            }
        }
    }

    @Test
    void whenRedisStopsTheReplicasKeepAnsweringFromTheirLastVerifiedSnapshot() throws Exception {
        QtrustServer a = replica();
        QtrustServer b = replica();
        assertThat(a.awaitSnapshot(Duration.ofMinutes(2))).isTrue();
        assertThat(b.awaitSnapshot(Duration.ofMinutes(2))).isTrue();
        String id = snapshotOf(a);

        redis.close();

        for (QtrustServer replica : List.of(a, b)) {
            await(Duration.ofSeconds(15), () -> {
                try {
                    return get(replica, "/ready").get("store").get("state").asText().equals("stale");
                } catch (Exception e) {
                    return false;
                }
            });
            JsonNode lists = get(replica, "/v1/trusted-lists");
            assertThat(lists.get("snapshot").asText()).isEqualTo(id);
            assertThat(accepted(lists, "AT")).isTrue();
            assertThat(get(replica, "/ready").get("store").get("detail").asText()).contains("unavailable");
        }
    }

    @Test
    void whenTheRefresherDiesWithoutPublishingAnotherReplicaTakesOverAfterItsLease() throws Exception {
        try (RedisStore store = new RedisStore(RedisStoreConfig.parse(redis.url(), prefix).withLeaseTime(Duration.ofSeconds(2)))) {
            RedisRefreshLease dying = new RedisRefreshLease(store, Duration.ZERO);
            RefreshLease.Held dead = dying.tryAcquire().orElseThrow();
            dying.shutdown(); // the leader is killed mid-refresh: it never renews, never publishes, never releases

            QtrustServer b = replica();
            assertThat(b.awaitSnapshot(Duration.ofSeconds(60))).isTrue();
            try (JedisPooled jedis = jedis()) {
                assertThat(Long.parseLong(jedis.hget(prefix + "snapshot:current", "fence"))).isGreaterThan(dead.fencingToken());
            }
            assertThat(accepted(get(b, "/v1/trusted-lists"), "AT")).isTrue();
        }
    }

    private static final org.qtrust.adapters.crypto.testpki.Credential LOTE_OPERATOR =
            org.qtrust.adapters.crypto.testpki.TestPki.create("Replicas LoTE").endEntity("PID List Operator").issue();

    private static final String LOTE_LOCATION = "https://lote.example.eu/pid-providers.jws";

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path folder;

    /** A PID providers list (TS 119 602) signed by the operator, issued before the 2019 validation time, served on loopback. */
    private String[] lote(int sequence) throws Exception {
        String json = org.qtrust.adapters.crypto.testpki.TestLotes.pidProviders().sequenceNumber(sequence)
                .issued(java.time.Instant.parse("2019-09-01T00:00:00Z")).nextUpdate(java.time.Instant.parse("2020-03-01T00:00:00Z"))
                .entity("PID Provider", org.qtrust.adapters.crypto.testpki.TestLotes.service("PID issuance",
                        org.qtrust.adapters.crypto.testpki.TestLotes.PID_ISSUANCE, LOTE_OPERATOR.certificate()))
                .signedJson(LOTE_OPERATOR);
        publisher.documents.put("pid-providers.jws", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.nio.file.Path anchor = folder.resolve("operator.pem");
        Files.writeString(anchor, "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder()
                .encodeToString(LOTE_OPERATOR.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        return new String[] {"--lote", LOTE_LOCATION, "--lote-anchor", anchor.toString(),
                "--rewrite", "https://lote.example.eu/=" + publisher.base()};
    }

    private static JsonNode firstLote(JsonNode lists) {
        return lists.get("lotes").get(0);
    }

    @Test
    void theLeaderKeepsListsOfTrustedEntitiesInTheStoreAndReplicasVerifyTheSnapshotsCopyAndItsFloor() throws Exception {
        String[] lote = lote(5);
        QtrustServer a = replica(lote);
        assertThat(a.awaitSnapshot(Duration.ofMinutes(2))).isTrue();
        JsonNode pid = firstLote(get(a, "/v1/trusted-lists"));
        assertThat(pid.get("accepted").asBoolean()).as(pid.toString()).isTrue();
        assertThat(pid.get("sequenceNumber").asInt()).isEqualTo(5);
        String location = LOTE_LOCATION;
        try (JedisPooled jedis = jedis(); RedisStore store = new RedisStore(RedisStoreConfig.parse(redis.url(), prefix))) {
            String manifest = jedis.hget(prefix + "snapshot:current", "manifest");
            assertThat(manifest).contains("LOTE\t" + location + "\t");
            assertThat(publisher.requests("pid-providers.jws")).as("fetched once, by the leader").isEqualTo(1);

            // a second replica reads the list from the store's snapshot, never from its publisher
            publisher.withhold("pid-providers.jws");
            QtrustServer b = replica(lote);
            assertThat(b.awaitSnapshot(Duration.ofMinutes(2))).isTrue();
            assertThat(firstLote(get(b, "/v1/trusted-lists")).get("accepted").asBoolean()).isTrue();
            assertThat(publisher.requests("pid-providers.jws")).isEqualTo(1);

            // the store once held a newer list: the copy of a new snapshot is a rollback; a replica that verified
            // the list keeps its copy, a new one refuses it
            jedis.set(new org.qtrust.adapters.redis.RedisKeys(prefix).loteFloor(location), "1000000");
            try (RedisRefreshLease.Grant held = new RedisRefreshLease(store, Duration.ofSeconds(10)).hold()) {
                String withoutBelgium = String.join("\n", manifest.lines().filter(l -> !l.contains("\tBE.xml\t")).toList()) + "\n";
                var next = org.qtrust.core.trustedlist.refresh.SnapshotManifest.parse(withoutBelgium, RunningServer.NOW);
                assertThat(new org.qtrust.adapters.redis.RedisSnapshotStore(store).publish(next, held.fencingToken())).isTrue();
                await(Duration.ofSeconds(10), () -> next.id().equals(snapshotOf(a)));
                JsonNode kept = firstLote(get(a, "/v1/trusted-lists"));
                assertThat(kept.get("accepted").asBoolean()).as("last authentic copy kept").isTrue();
                assertThat(kept.get("trace").toString()).contains("rollback");

                QtrustServer fresh = replica(lote);
                assertThat(fresh.awaitSnapshot(Duration.ofMinutes(2))).isTrue();
                JsonNode refused = firstLote(get(fresh, "/v1/trusted-lists"));
                assertThat(refused.get("accepted").asBoolean()).isFalse();
                assertThat(refused.get("reason").asText()).isEqualTo("rollback");
            }
        }
    }

    /** The 2019 LOTL, AT and BE on loopback; every other list 404. */
    static final class Publisher implements AutoCloseable {
        private final HttpServer server;
        private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
        private final Map<String, Long> requests = new ConcurrentHashMap<>();

        Publisher() throws IOException {
            for (String name : List.of("EU.xml", "AT.xml", "BE.xml")) {
                documents.put(name, Files.readAllBytes(RunningServer.data("lotl-snapshot/" + name)));
            }
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
            server.createContext("/", this::handle);
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        }

        void withhold(String name) {
            documents.remove(name);
        }

        void serve(String name) throws IOException {
            documents.put(name, Files.readAllBytes(RunningServer.data("lotl-snapshot/" + name)));
        }

        long requests(String name) {
            return requests.getOrDefault(name, 0L);
        }

        List<String> rewrites() throws Exception {
            List<String> args = new ArrayList<>();
            args.add("--rewrite");
            args.add("https://ec.europa.eu/tools/lotl/eu-lotl.xml=" + base() + "EU.xml");
            byte[] lotl = Files.readAllBytes(RunningServer.data("lotl-snapshot/EU.xml"));
            for (ListPointer pointer : new Ts119612ListReader().read(new ListDocument("EU.xml", lotl)).scheme().pointers()) {
                if (pointer.isXml() && !pointer.territory().equals("EU")) {
                    args.add("--rewrite");
                    args.add(pointer.location() + "=" + base() + pointer.territory() + ".xml");
                }
            }
            for (String scheme : List.of("http://", "https://")) {
                args.add("--rewrite");
                args.add(scheme + "=" + base() + "unmapped/");
            }
            return args;
        }

        private void handle(HttpExchange exchange) throws IOException {
            String name = exchange.getRequestURI().getPath().substring(1);
            requests.merge(name, 1L, Long::sum);
            byte[] content = documents.get(name);
            try (exchange) {
                if (content == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, content.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}

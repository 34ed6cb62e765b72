package org.qtrust.cli.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qtrust.adapters.redis.testing.RedisServerProcess;
import org.qtrust.cli.QtrustCli;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListPointer;
import org.qtrust.adapters.xml.Ts119612ListReader;
import redis.clients.jedis.JedisPooled;

/**
 * {@code lists refresh --store} and {@code lists load --store} against a real redis-server on a
 * free loopback port: the real September 2019 snapshot published on 127.0.0.1 and refreshed into
 * Redis, a snapshot published, and loads that verify every document read back from Redis.
 */
@Timeout(240)
class StoreCliTest {

    private static final String AT = "2019-10-01T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RedisServerProcess redis;
    private RefreshEndToEndTest.Publisher publisher;
    private String prefix;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void publish() throws Exception {
        publisher = new RefreshEndToEndTest.Publisher(RefreshEndToEndTest.data("lotl-snapshot"));
        prefix = "cli" + System.nanoTime() + ":";
    }

    @AfterEach
    void stop() {
        publisher.close();
    }

    private List<String> oj() {
        return List.of("--oj-keystore", RefreshEndToEndTest.data("oj-keystore/keystore.p12").toString(),
                "--oj-password", "dss-password", "--at", AT);
    }

    private List<String> rewrites() throws Exception {
        List<String> args = new ArrayList<>();
        String base = publisher.base();
        args.add("--rewrite");
        args.add("https://ec.europa.eu/tools/lotl/eu-lotl.xml=" + base + "EU.xml");
        byte[] lotl = java.nio.file.Files.readAllBytes(RefreshEndToEndTest.data("lotl-snapshot/EU.xml"));
        for (ListPointer pointer : new Ts119612ListReader().read(new ListDocument("EU.xml", lotl)).scheme().pointers()) {
            if (pointer.isXml() && !pointer.territory().equals("EU")) {
                args.add("--rewrite");
                args.add(pointer.location() + "=" + base + pointer.territory() + ".xml");
            }
        }
        for (String scheme : List.of("http://", "https://")) {
            args.add("--rewrite");
            args.add(scheme + "=" + base + "unmapped/");
        }
        return args;
    }

    private static RefreshEndToEndTest.Result run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = QtrustCli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new RefreshEndToEndTest.Result(exit, out.toString(), err.toString());
    }

    private RefreshEndToEndTest.Result refresh() throws Exception {
        List<String> args = new ArrayList<>(List.of("lists", "refresh", "--store", redis.url(), "--store-prefix", prefix, "--json",
                "--allow-loopback-http"));
        args.addAll(oj());
        args.addAll(rewrites());
        return run(args);
    }

    private RefreshEndToEndTest.Result load() {
        List<String> args = new ArrayList<>(List.of("lists", "load", "--store", redis.url(), "--store-prefix", prefix, "--json"));
        args.addAll(oj());
        return run(args);
    }

    private static Map<String, String> verdicts(JsonNode load) {
        Map<String, String> verdicts = new TreeMap<>();
        verdicts.put("LOTL", load.get("lotl").get("accepted") + " " + load.get("lotl").get("reason"));
        load.get("lists").forEach(list -> verdicts.put(list.get("territory").asText(),
                list.get("accepted") + " " + list.get("reason") + " seq=" + list.get("sequenceNumber")));
        return verdicts;
    }

    private static JsonNode list(JsonNode load, String territory) {
        for (JsonNode list : load.get("lists")) {
            if (list.get("territory").asText().equals(territory)) {
                return list;
            }
        }
        throw new AssertionError("no " + territory);
    }

    @Test
    void aRefreshFillsTheStoreAndPublishesASnapshotThatLoadsExactlyAsTheOfflineFolder() throws Exception {
        RefreshEndToEndTest.Result refreshed = refresh();
        assertThat(refreshed.exit()).as(refreshed.err()).isZero();
        JsonNode report = refreshed.json();
        assertThat(report.get("cache").asText()).isEqualTo(redis.url());
        String snapshot = report.get("snapshot").asText();
        assertThat(snapshot).hasSize(64);

        RefreshEndToEndTest.Result loaded = load();
        assertThat(loaded.exit()).as(loaded.err()).isZero();
        JsonNode load = loaded.json();
        assertThat(load.get("snapshot").asText()).isEqualTo(snapshot);
        List<String> offline = new ArrayList<>(List.of("lists", "load", "--offline",
                RefreshEndToEndTest.data("lotl-snapshot").toString(), "--json"));
        offline.addAll(oj());
        assertThat(verdicts(load)).isEqualTo(verdicts(run(offline).json()));
        assertThat(load.get("lotl").get("accepted").asBoolean()).isTrue();
    }

    @Test
    void bytesChangedInRedisAreRefusedForThatListOnly() throws Exception {
        assertThat(refresh().exit()).isZero();
        try (JedisPooled jedis = new JedisPooled("127.0.0.1", redis.port())) {
            String sha = jedis.hget(prefix + "list:AT.xml", "sha256");
            String key = prefix + "doc:" + sha;
            jedis.set(key, jedis.get(key).replace("A-Trust", "B-Trust"));
        }
        JsonNode load = load().json();
        JsonNode austria = list(load, "AT");
        assertThat(austria.get("accepted").asBoolean()).isFalse();
        assertThat(austria.get("trace").toString()).contains("were changed after they were verified");
        assertThat(list(load, "BE").get("accepted").asBoolean()).isTrue();
    }

    @Test
    void aCopyBelowItsRollbackFloorIsRefusedAsARollback() throws Exception {
        assertThat(refresh().exit()).isZero();
        try (JedisPooled jedis = new JedisPooled("127.0.0.1", redis.port())) {
            // the store once held a newer Austrian list: the copy the snapshot names is now a replay
            jedis.set(prefix + "floor:list:AT.xml", "1000000");
        }
        JsonNode austria = list(load().json(), "AT");
        assertThat(austria.get("accepted").asBoolean()).isFalse();
        assertThat(austria.get("reason").asText()).isEqualTo("rollback");
    }

    @Test
    void unusableStoreOptionsAreRefusedWithOneLine() {
        List<String> both = new ArrayList<>(List.of("lists", "load", "--store", redis.url(), "--offline",
                RefreshEndToEndTest.data("lotl-snapshot").toString()));
        both.addAll(oj());
        RefreshEndToEndTest.Result conflict = run(both);
        assertThat(conflict.exit()).isEqualTo(2);
        assertThat(conflict.err()).contains("--store").contains("--offline");

        RefreshEndToEndTest.Result empty = load();
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("holds no snapshot yet").contains("qtrust lists refresh --store");

        List<String> bad = new ArrayList<>(List.of("lists", "load", "--store", "http://:pw@127.0.0.1:1"));
        bad.addAll(oj());
        RefreshEndToEndTest.Result wrong = run(bad);
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("--store").doesNotContain("pw@");
    }
}

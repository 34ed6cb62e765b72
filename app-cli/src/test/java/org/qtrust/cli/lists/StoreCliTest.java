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

    private static final org.qtrust.adapters.crypto.testpki.Credential LOTE_OPERATOR =
            org.qtrust.adapters.crypto.testpki.TestPki.create("Store LoTE").endEntity("PID List Operator").issue();
    private static final org.qtrust.adapters.crypto.testpki.Credential LOTE_IMPOSTOR =
            org.qtrust.adapters.crypto.testpki.TestPki.create("Store LoTE impostor").endEntity("PID List Operator").issue();

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path folder;

    /** A PID providers list (TS 119 602) issued before the 2019 validation time, in a file. */
    private java.nio.file.Path pidProviders(int sequence, org.qtrust.adapters.crypto.testpki.Credential signer) throws Exception {
        String json = org.qtrust.adapters.crypto.testpki.TestLotes.pidProviders().sequenceNumber(sequence)
                .issued(java.time.Instant.parse("2019-09-01T00:00:00Z")).nextUpdate(java.time.Instant.parse("2020-03-01T00:00:00Z"))
                .entity("PID Provider", org.qtrust.adapters.crypto.testpki.TestLotes.service("PID issuance",
                        org.qtrust.adapters.crypto.testpki.TestLotes.PID_ISSUANCE, LOTE_OPERATOR.certificate()))
                .signedJson(signer);
        return java.nio.file.Files.writeString(folder.resolve("pid-providers.jws"), json);
    }

    private List<String> loteOptions(java.nio.file.Path list) throws Exception {
        java.nio.file.Path anchor = folder.resolve("operator.pem");
        java.nio.file.Files.writeString(anchor, "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder()
                .encodeToString(LOTE_OPERATOR.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        return List.of("--lote", list.toString(), "--lote-anchor", anchor.toString());
    }

    private RefreshEndToEndTest.Result refreshWithLote(java.nio.file.Path list) throws Exception {
        List<String> args = new ArrayList<>(List.of("lists", "refresh", "--store", redis.url(), "--store-prefix", prefix, "--json",
                "--allow-loopback-http"));
        args.addAll(oj());
        args.addAll(rewrites());
        args.addAll(loteOptions(list));
        return run(args);
    }

    private JsonNode loadWithLote(java.nio.file.Path list) throws Exception {
        List<String> args = new ArrayList<>(List.of("lists", "load", "--store", redis.url(), "--store-prefix", prefix, "--json"));
        args.addAll(oj());
        args.addAll(loteOptions(list));
        return run(args).json();
    }

    @Test
    void listsOfTrustedEntitiesAreRefreshedIntoTheStoreAndLoadedFromItsSnapshotVerifiedAgain() throws Exception {
        java.nio.file.Path list = pidProviders(5, LOTE_OPERATOR);
        RefreshEndToEndTest.Result refreshed = refreshWithLote(list);
        assertThat(refreshed.exit()).as(refreshed.err()).isZero();
        JsonNode report = refreshed.json();
        JsonNode entry = report.get("lotes").get(0);
        assertThat(entry.get("outcome").asText()).isEqualTo("new");
        assertThat(entry.get("sequence").asInt()).isEqualTo(5);
        assertThat(entry.get("storeKey").asText()).startsWith(prefix + "lote:");
        assertThat(entry.has("cacheFile")).isFalse();
        String snapshot = report.get("snapshot").asText();
        try (JedisPooled jedis = new JedisPooled("127.0.0.1", redis.port())) {
            assertThat(jedis.hget(prefix + "snapshot:current", "manifest")).contains("LOTE\t" + list);
        }

        // the load reads the store's copy, not the file (which now holds a list signed by an impostor)
        pidProviders(6, LOTE_IMPOSTOR);
        JsonNode load = loadWithLote(list);
        assertThat(load.get("snapshot").asText()).isEqualTo(snapshot);
        JsonNode lote = load.get("lotes").get(0);
        assertThat(lote.get("accepted").asBoolean()).as(lote.toString()).isTrue();
        assertThat(lote.get("sequenceNumber").asInt()).isEqualTo(5);
        assertThat(lote.get("trace").toString()).contains("from the store's snapshot " + snapshot);

        // a refresh from a publisher serving the impostor's list keeps the authentic copy in the store
        RefreshEndToEndTest.Result again = refreshWithLote(list);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.json().get("lotes").get(0).get("outcome").asText()).isEqualTo("kept_last_good");
        assertThat(loadWithLote(list).get("lotes").get(0).get("sequenceNumber").asInt()).isEqualTo(5);
    }

    @Test
    void aListOfTrustedEntitiesChangedInRedisOrRolledBackIsRefused() throws Exception {
        java.nio.file.Path list = pidProviders(5, LOTE_OPERATOR);
        assertThat(refreshWithLote(list).exit()).isZero();
        try (JedisPooled jedis = new JedisPooled("127.0.0.1", redis.port())) {
            String manifest = jedis.hget(prefix + "snapshot:current", "manifest");
            String line = manifest.lines().filter(l -> l.startsWith("LOTE\t")).findFirst().orElseThrow();
            String key = prefix + "doc:" + line.substring(line.lastIndexOf('\t') + 1);

            // the store once held a newer list at this location: the copy the snapshot names is now a replay
            jedis.set(new org.qtrust.adapters.redis.RedisKeys(prefix).loteFloor(list.toString()), "1000000");
            JsonNode rolledBack = loadWithLote(list).get("lotes").get(0);
            assertThat(rolledBack.get("accepted").asBoolean()).isFalse();
            assertThat(rolledBack.get("reason").asText()).isEqualTo("rollback");

            jedis.del(new org.qtrust.adapters.redis.RedisKeys(prefix).loteFloor(list.toString()));
            // one character of the JWS payload changed in place
            String stored = jedis.get(key);
            int at = stored.indexOf('.') + 5;
            jedis.set(key, stored.substring(0, at) + (stored.charAt(at) == 'A' ? 'B' : 'A') + stored.substring(at + 1));
            JsonNode load = loadWithLote(list);
            JsonNode changed = load.get("lotes").get(0);
            assertThat(changed.get("accepted").asBoolean()).isFalse();
            assertThat(changed.get("reason").asText()).isEqualTo("list_unavailable");
            assertThat(changed.get("trace").toString()).contains("were changed after they were verified");
            assertThat(load.get("lotl").get("accepted").asBoolean()).as("the trusted lists are not affected").isTrue();
        }
    }

    @Test
    void aListOfTrustedEntitiesSignedByAnotherKeyIsNeverStored() throws Exception {
        java.nio.file.Path list = pidProviders(5, LOTE_IMPOSTOR);
        RefreshEndToEndTest.Result refreshed = refreshWithLote(list);
        assertThat(refreshed.exit()).isEqualTo(1);
        assertThat(refreshed.err()).contains("no accepted copy");
        JsonNode lote = loadWithLote(list).get("lotes").get(0);
        assertThat(lote.get("accepted").asBoolean()).isFalse();
        assertThat(lote.get("trace").toString()).contains("has no copy of");
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

package org.qtrust.cli.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.KeyUsage;
import org.qtrust.adapters.crypto.testpki.QcStatements;
import org.qtrust.adapters.crypto.testpki.TestListSigner;
import org.qtrust.adapters.crypto.testpki.TestLists;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.redis.testing.RedisServerProcess;
import org.qtrust.cli.QtrustCli;
import org.qtrust.core.trustedlist.refresh.SnapshotManifest;
import redis.clients.jedis.JedisPooled;

/**
 * Issue 17, "Must show": one real redis-server and two server replicas, each its own JVM
 * ({@code org.qtrust.server.ServerMain} on this test's class path, loopback ports, the system
 * clock), fed by {@code qtrust lists refresh --store} from a loopback publisher of lists signed
 * by a test PKI. Both replicas answer from the snapshot the refresh published; a newer list
 * reaches both within 5 s of one refresh; a list whose bytes were changed in Redis and a rollback
 * written into Redis are refused (a replica keeps its last verified copy, a new one has none);
 * with Redis stopped every replica keeps answering; a leader killed in the middle of its refresh
 * is replaced by the other replica, which finishes and publishes.
 */
@Timeout(420)
class ReplicaProcessesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");
    private static final Instant ISSUED = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant NEXT_UPDATE = ISSUED.plus(60, ChronoUnit.DAYS);
    private static final Instant SERVICE_START = Instant.parse("2017-01-01T00:00:00Z");
    private static final String FORE_SIGNATURES = "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSignatures";

    private final TestPki pki = TestPki.create("Replicas");
    private final Credential lotlSigner = pki.endEntity("Replicas LOTL signer").issue();
    private final Credential listSigner = pki.endEntity("Replicas TL signer").issue();
    private final Credential newQtsp = pki.certificate("CN=Replicas New QTSP CA,O=New QTSP,C=AT").issuedBy(pki.root()).ca(0)
            .keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).issue();
    private final Credential oldHolder = signer("CN=Max Mustermann,C=AT", pki.intermediate());
    private final Credential newHolder = signer("CN=Erika Mustermann,C=AT", newQtsp);

    @TempDir
    Path work;
    private RedisServerProcess redis;
    private Publisher publisher;
    private String prefix;
    private final List<Replica> replicas = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Credential signer(String subject, Credential issuer) {
        return TestPki.create("Replicas").certificate(subject).issuedBy(issuer).endEntity()
                .validity(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2040-01-01T00:00:00Z"))
                .keyUsage(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.NON_REPUDIATION)
                .qcStatements(QcStatements.create().compliance().sscd().type(QcStatements.QCT_ESIGN).encoded()).issue();
    }

    @BeforeEach
    void start() throws Exception {
        redis = RedisServerProcess.start();
        publisher = new Publisher();
        prefix = "procs" + System.nanoTime() + ":";
        publisher.put("EU.xml", TestListSigner.with(lotlSigner).sign(TestLists.lotl().sequenceNumber(1).issued(ISSUED)
                .nextUpdate(NEXT_UPDATE)
                .pointer("AT", publisher.base() + "AT.xml", listSigner.certificate())
                .pointer("BE", publisher.base() + "BE.xml", listSigner.certificate()).build()));
        publisher.put("AT.xml", list("AT", 1, false));
        publisher.put("BE.xml", list("BE", 1, false));
        Files.createDirectories(work.resolve("oj"));
        Files.writeString(work.resolve("oj/lotl-signer.pem"), pem(lotlSigner));
    }

    @AfterEach
    void stop() {
        replicas.forEach(Replica::close);
        publisher.close();
        redis.close();
    }

    private String list(String territory, int sequence, boolean withNewQtsp) {
        TestLists.TrustedListBuilder list = TestLists.trustedList(territory).sequenceNumber(sequence).issued(ISSUED)
                .nextUpdate(NEXT_UPDATE).provider("Old QTSP " + territory)
                .service(TestLists.service("Old CA", TestLists.CA_QC, pki.intermediate().certificate())
                        .status(TestLists.GRANTED, SERVICE_START).additionalInformation(FORE_SIGNATURES));
        if (withNewQtsp) {
            list.provider("New QTSP").service(TestLists.service("Replicas New QTSP CA", TestLists.CA_QC, newQtsp.certificate())
                    .status(TestLists.GRANTED, SERVICE_START).additionalInformation(FORE_SIGNATURES));
        }
        return TestListSigner.with(listSigner).sign(list.build());
    }

    private static String pem(Credential credential) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(credential.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    private List<String> listOptions() {
        return List.of("--lotl-url", publisher.base() + "EU.xml", "--oj-certs", work.resolve("oj").toString(),
                "--allow-loopback-http");
    }

    /** {@code qtrust lists refresh --store … --json}, in this JVM; the id of the snapshot it published. */
    private String refreshStore() throws Exception {
        List<String> args = new ArrayList<>(List.of("lists", "refresh", "--store", redis.url(), "--store-prefix", prefix, "--json"));
        args.addAll(listOptions());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = QtrustCli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();
        String snapshot = JSON.readTree(out.toString()).get("snapshot").asText();
        assertThat(snapshot).hasSize(64);
        return snapshot;
    }

    /** A {@code serve --store} replica in its own JVM. */
    private Replica replica(String name) throws IOException {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--store", redis.url(), "--store-prefix", prefix,
                "--store-poll", "PT1S", "--store-lease", "PT2S", "--refresh-interval", "PT1H", "--revocation", "off"));
        args.addAll(listOptions());
        Replica replica = Replica.start(name, work.resolve(name + ".log"), args);
        replicas.add(replica);
        return replica;
    }

    private JsonNode get(Replica replica, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(replica.base() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private JsonNode verify(Replica replica, Credential certificate) throws Exception {
        String body = JSON.createObjectNode().put("certificate", pem(certificate)).toString();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(replica.base() + "/v1/certificates/verify"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The snapshot a replica's lists endpoint names; empty while it has none. */
    private String snapshotOf(Replica replica) {
        try {
            JsonNode snapshot = get(replica, "/v1/trusted-lists").get("snapshot");
            return snapshot == null || snapshot.isNull() ? "" : snapshot.asText();
        } catch (Exception e) {
            return "";
        }
    }

    private static JsonNode list(JsonNode lists, String territory) {
        for (JsonNode list : lists.get("lists")) {
            if (list.get("territory").asText().equals(territory)) {
                return list;
            }
        }
        throw new AssertionError("no " + territory + " in " + lists);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Duration timeout, String what, Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    private JedisPooled jedis() {
        return new JedisPooled("127.0.0.1", redis.port());
    }

    /** What an attacker with write access to Redis does: sets the current snapshot and announces it. */
    private String writeSnapshot(JedisPooled jedis, String manifestText) {
        SnapshotManifest manifest = SnapshotManifest.parse(manifestText, Instant.now());
        String key = prefix + "snapshot:current";
        jedis.hset(key, Map.of("id", manifest.id(), "manifest", manifest.canonicalText(),
                "publishedAt", Instant.now().toString()));
        jedis.publish(prefix + "snapshots", manifest.id());
        return manifest.id();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String entrySha(String manifest, String name) {
        return manifest.lines().filter(line -> line.startsWith("LIST\t" + name + "\t")).findFirst()
                .map(line -> line.substring(line.lastIndexOf('\t') + 1)).orElseThrow();
    }

    @Test
    void twoReplicaProcessesServeOneVerifiedTruthFromRedisAndSurviveItsTamperingAndLoss() throws Exception {
        // lists refresh --store fills Redis; both replicas answer from that snapshot
        String first = refreshStore();
        String firstManifest;
        try (JedisPooled jedis = jedis()) {
            firstManifest = jedis.hget(prefix + "snapshot:current", "manifest");
        }
        Replica a = replica("a");
        Replica b = replica("b");
        for (Replica replica : List.of(a, b)) {
            replica.awaitListening();
            await(Duration.ofSeconds(60), replica + " loads " + first, () -> first.equals(snapshotOf(replica)));
            JsonNode ready = get(replica, "/ready");
            assertThat(ready.get("snapshot").asText()).isEqualTo(first);
            assertThat(ready.get("store").get("state").asText()).isEqualTo("fresh");
            JsonNode verdict = verify(replica, oldHolder);
            assertThat(verdict.get("trusted").asBoolean()).as(verdict.toString()).isTrue();
            assertThat(verdict.get("snapshot").asText()).isEqualTo(first);
            assertThat(verify(replica, newHolder).get("trusted").asBoolean()).isFalse();
        }
        // only the CLI refreshed (a replica finds the snapshot fresh); an unknown Austrian issuer made each
        // replica look at the Austrian list once more (the on-miss refresh), nothing else
        assertThat(publisher.requests("EU.xml")).isEqualTo(1);
        assertThat(publisher.requests("BE.xml")).isEqualTo(1);

        // a newer Austrian list upstream reaches both replicas within 5 s of one refresh
        publisher.put("AT.xml", list("AT", 2, true));
        String second = refreshStore();
        long refreshed = System.nanoTime();
        assertThat(second).isNotEqualTo(first);
        await(Duration.ofSeconds(5), "both replicas on " + second, () -> second.equals(snapshotOf(a)) && second.equals(snapshotOf(b)));
        System.out.printf("snapshot %s… reached both replica processes %d ms after the refresh published it%n",
                second.substring(0, 12), (System.nanoTime() - refreshed) / 1_000_000);
        for (Replica replica : List.of(a, b)) {
            assertThat(list(get(replica, "/v1/trusted-lists"), "AT").get("sequenceNumber").asInt()).isEqualTo(2);
            JsonNode verdict = verify(replica, newHolder);
            assertThat(verdict.get("trusted").asBoolean()).as(verdict.toString()).isTrue();
            assertThat(verdict.get("snapshot").asText()).isEqualTo(second);
        }

        try (JedisPooled jedis = jedis()) {
            String secondManifest = jedis.hget(prefix + "snapshot:current", "manifest");

            // Belgium's bytes changed in Redis, stored under their own digest and named by a new snapshot:
            // only the signature can tell. Both replicas read it, refuse it and keep their verified copy.
            String belgium = entrySha(secondManifest, "BE.xml");
            byte[] changed = jedis.get((prefix + "doc:" + belgium).getBytes(StandardCharsets.UTF_8));
            String tampered = new String(changed, StandardCharsets.UTF_8).replace("Old QTSP BE", "Evil QTSP BE");
            assertThat(tampered).isNotEqualTo(new String(changed, StandardCharsets.UTF_8));
            String tamperedSha = sha256(tampered.getBytes(StandardCharsets.UTF_8));
            jedis.set(prefix + "doc:" + tamperedSha, tampered);
            String third = writeSnapshot(jedis, secondManifest.replace(belgium, tamperedSha));
            for (Replica replica : List.of(a, b)) {
                await(Duration.ofSeconds(10), replica + " reads " + third, () -> third.equals(snapshotOf(replica)));
                JsonNode lists = get(replica, "/v1/trusted-lists");
                assertThat(list(lists, "BE").get("accepted").asBoolean()).as("last verified copy kept").isTrue();
                assertThat(list(lists, "BE").get("operator").asText()).doesNotContain("Evil");
                assertThat(get(replica, "/ready").get("lastFailure").asText()).contains("BE.xml");
            }

            // a rollback written into Redis: the snapshot names the first, older Austrian list again
            String rolledBack = writeSnapshot(jedis, jedis.hget(prefix + "snapshot:current", "manifest")
                    .replace(entrySha(secondManifest, "AT.xml"), entrySha(firstManifest, "AT.xml")));
            for (Replica replica : List.of(a, b)) {
                await(Duration.ofSeconds(10), replica + " reads " + rolledBack, () -> rolledBack.equals(snapshotOf(replica)));
                JsonNode austria = list(get(replica, "/v1/trusted-lists"), "AT");
                assertThat(austria.get("accepted").asBoolean()).isTrue();
                assertThat(austria.get("sequenceNumber").asInt()).as("last verified copy kept").isEqualTo(2);
                assertThat(get(replica, "/ready").get("lastFailure").asText()).contains("AT.xml").contains("rollback");
                assertThat(verify(replica, newHolder).get("trusted").asBoolean()).isTrue();
            }

            // a replica that starts now has no verified copy of its own: it refuses both
            Replica c = replica("c");
            c.awaitListening();
            await(Duration.ofSeconds(60), c + " loads " + rolledBack, () -> rolledBack.equals(snapshotOf(c)));
            JsonNode lists = get(c, "/v1/trusted-lists");
            assertThat(list(lists, "AT").get("accepted").asBoolean()).isFalse();
            assertThat(list(lists, "AT").get("reason").asText()).isEqualTo("rollback");
            assertThat(list(lists, "BE").get("accepted").asBoolean()).isFalse();
            assertThat(list(lists, "BE").get("reason").asText()).isNotEmpty();
            assertThat(verify(c, oldHolder).get("trusted").asBoolean()).isFalse();
        }

        // Redis stops: every replica keeps answering from its last verified snapshot, and says it is stale
        Map<Replica, String> served = new java.util.HashMap<>();
        for (Replica replica : replicas) {
            served.put(replica, snapshotOf(replica));
        }
        redis.close();
        for (Replica replica : List.of(a, b)) {
            await(Duration.ofSeconds(20), replica + " stale", () -> get(replica, "/ready").get("store").get("state").asText()
                    .equals("stale"));
            assertThat(snapshotOf(replica)).isEqualTo(served.get(replica));
            JsonNode verdict = verify(replica, newHolder);
            assertThat(verdict.get("trusted").asBoolean()).isTrue();
            assertThat(verdict.get("snapshot").asText()).isEqualTo(served.get(replica));
        }
    }

    @Test
    void aLeaderKilledInTheMiddleOfItsRefreshIsReplacedByTheOtherReplicaWhichFinishesIt() throws Exception {
        publisher.delay("AT.xml", Duration.ofSeconds(4));
        publisher.delay("BE.xml", Duration.ofSeconds(4));
        Replica a = replica("a");
        Replica b = replica("b");
        a.awaitListening();
        b.awaitListening();

        // the store is empty: one replica takes the lease and refreshes from the slow publisher
        await(Duration.ofSeconds(60), "a refresh under way", () -> publisher.requests("AT.xml") > 0);
        Replica[] leader = new Replica[1];
        await(Duration.ofSeconds(10), "a replica says it leads", () -> {
            for (Replica replica : List.of(a, b)) {
                if (get(replica, "/ready").get("store").get("leader").asBoolean()) {
                    leader[0] = replica;
                    return true;
                }
            }
            return false;
        });
        long deadToken;
        try (JedisPooled jedis = jedis()) {
            assertThat(jedis.exists(prefix + "snapshot:current")).as("nothing published yet").isFalse();
            deadToken = Long.parseLong(jedis.get(prefix + "lease:fence"));
        }
        leader[0].kill();
        Replica survivor = leader[0] == a ? b : a;
        long killed = System.nanoTime();

        await(Duration.ofSeconds(90), survivor + " publishes and loads a snapshot", () -> !snapshotOf(survivor).isEmpty());
        System.out.printf("the surviving replica published %d ms after the leader was killed%n",
                (System.nanoTime() - killed) / 1_000_000);
        try (JedisPooled jedis = jedis()) {
            assertThat(Long.parseLong(jedis.hget(prefix + "snapshot:current", "fence"))).isGreaterThan(deadToken);
            assertThat(snapshotOf(survivor)).isEqualTo(jedis.hget(prefix + "snapshot:current", "id"));
        }
        JsonNode lists = get(survivor, "/v1/trusted-lists");
        assertThat(list(lists, "AT").get("accepted").asBoolean()).isTrue();
        assertThat(list(lists, "BE").get("accepted").asBoolean()).isTrue();
        assertThat(verify(survivor, oldHolder).get("trusted").asBoolean()).isTrue();
    }

    /** A server replica: {@code java -cp <this test's class path> org.qtrust.server.ServerMain …}, its output in a file. */
    static final class Replica implements AutoCloseable {
        private final String name;
        private final Process process;
        private final Path log;
        private volatile int port;

        private Replica(String name, Process process, Path log) {
            this.name = name;
            this.process = process;
            this.log = log;
        }

        static Replica start(String name, Path log, List<String> arguments) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    "org.qtrust.server.ServerMain"));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Replica replica = new Replica(name, process, log);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return replica;
        }

        /** Waits for the server's "listening on" line and takes its port from it. */
        void awaitListening() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                String output = Files.exists(log) ? Files.readString(log) : "";
                Matcher matcher = LISTENING.matcher(output);
                if (matcher.find()) {
                    port = Integer.parseInt(matcher.group(1));
                    return;
                }
                if (!process.isAlive()) {
                    throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + output);
                }
                Thread.sleep(100);
            }
            throw new AssertionError(name + " did not start listening:\n" + Files.readString(log));
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        /** As a crash: SIGKILL, no shutdown hook, the lease not released. */
        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public String toString() {
            return "replica " + name;
        }
    }

    /** The lists on 127.0.0.1; counts requests per document; can answer slowly. */
    static final class Publisher implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(8);
        private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
        private final Map<String, Duration> delays = new ConcurrentHashMap<>();
        private final Map<String, Long> requests = new ConcurrentHashMap<>();

        Publisher() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
            server.setExecutor(threads);
            server.createContext("/", this::handle);
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        }

        void put(String name, String xml) {
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            documents.put(name, bytes);
        }

        void delay(String name, Duration delay) {
            delays.put(name, delay);
        }

        long requests(String name) {
            return requests.getOrDefault(name, 0L);
        }

        private void handle(HttpExchange exchange) throws IOException {
            String name = exchange.getRequestURI().getPath().substring(1);
            requests.merge(name, 1L, Long::sum);
            try (exchange) {
                Duration delay = delays.get(name);
                if (delay != null) {
                    Thread.sleep(delay.toMillis());
                }
                byte[] content = documents.get(name);
                if (content == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, content.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}

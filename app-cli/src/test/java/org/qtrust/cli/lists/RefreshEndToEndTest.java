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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.TestLotes;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.xml.Ts119612ListReader;
import org.qtrust.cli.QtrustCli;
import org.qtrust.cli.UsageException;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListPointer;
import picocli.CommandLine;

/**
 * {@code qtrust lists refresh} end to end with the real reader and XAdES verifier: the real
 * September 2019 snapshot published on 127.0.0.1, the publication URLs mapped with
 * {@code --rewrite}, the Official Journal keystore, validation time 2019-10-01.
 */
@Timeout(180)
class RefreshEndToEndTest {

    private static final String AT = "2019-10-01T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path cache;
    private Publisher publisher;

    static Path shared() {
        String configured = System.getProperty("qtrust.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "trust-data"))) {
            return Path.of(configured);
        }
        return Path.of("../../shared");
    }

    static Path data(String relative) {
        return shared().resolve("trust-data").resolve(relative);
    }

    @BeforeEach
    void publish() throws IOException {
        publisher = new Publisher(data("lotl-snapshot"));
    }

    @AfterEach
    void stop() {
        publisher.close();
    }

    /** --rewrite rules: the LOTL and every XML pointer of the snapshot's LOTL to the publisher; anything else to a dead end. */
    private List<String> rewrites() throws Exception {
        List<String> args = new ArrayList<>();
        String base = publisher.base();
        args.add("--rewrite");
        args.add("https://ec.europa.eu/tools/lotl/eu-lotl.xml=" + base + "EU.xml");
        byte[] lotl = Files.readAllBytes(data("lotl-snapshot/EU.xml"));
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

    private Result refresh(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--allow-loopback-http", "--cache", cache.toString(), "--oj-keystore",
                data("oj-keystore/keystore.p12").toString(), "--oj-password", "dss-password", "--at", AT));
        args.addAll(rewrites());
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ListsRefreshCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        command.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            cmd.getErr().println("qtrust: " + exception.getMessage());
            return exception instanceof UsageException usage ? usage.exitCode() : QtrustCli.EXIT_UNUSABLE_INPUT;
        });
        int exit = command.execute(args.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    private static Result load(Path folder) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = QtrustCli.run(new String[] {"lists", "load", "--offline", folder.toString(), "--oj-keystore",
                data("oj-keystore/keystore.p12").toString(), "--oj-password", "dss-password", "--at", AT, "--json"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    record Result(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    /** What a load says of each list, without paths or traces. */
    private static Map<String, String> verdicts(JsonNode load) {
        Map<String, String> verdicts = new TreeMap<>();
        verdicts.put("LOTL", verdict(load.get("lotl")));
        load.get("lists").forEach(list -> verdicts.put(list.get("territory").asText(), verdict(list)));
        return verdicts;
    }

    private static String verdict(JsonNode list) {
        return list.get("accepted") + " " + list.get("reason") + " seq=" + list.get("sequenceNumber") + " "
                + list.get("signature").get("status") + " " + list.get("providers") + "/" + list.get("services")
                + " stale=" + list.get("stale");
    }

    @Test
    void a_full_refresh_equals_an_offline_load_and_a_second_one_is_conditional_and_not_modified() throws Exception {
        Result first = refresh("--json");

        assertThat(first.exit()).as(first.err()).isZero();
        JsonNode report = first.json();
        assertThat(report.get("usable").asBoolean()).isTrue();
        assertThat(report.get("summary").get("new").asInt()).isEqualTo(29);
        assertThat(report.get("summary").get("failed").asInt()).isEqualTo(3); // DE, EE, RO: not in the snapshot
        Map<String, String> offline = verdicts(load(data("lotl-snapshot")).json());
        assertThat(verdicts(report.get("load"))).isEqualTo(offline);
        assertThat(verdicts(load(cache).json())).isEqualTo(offline);
        assertThat(offline.get("LOTL")).startsWith("true null seq=248 \"VALID\"");
        try (Stream<Path> files = Files.list(data("lotl-snapshot"))) {
            files.forEach(file -> assertThat(cache.resolve(file.getFileName())).hasSameBinaryContentAs(file));
        }
        publisher.requests.clear();

        Result second = refresh("--json");

        JsonNode again = second.json();
        assertThat(again.get("summary").get("not_modified").asInt()).isEqualTo(29);
        assertThat(publisher.requests).hasSize(32).filteredOn(r -> !r.startsWith("/DE") && !r.startsWith("/EE")
                && !r.startsWith("/RO")).hasSize(29).allMatch(r -> r.contains("If-None-Match"));
        assertThat(verdicts(again.get("load"))).isEqualTo(offline);
        System.out.printf("lists refresh from loopback, real reader and verifier: full %d ms, conditional %d ms%n",
                report.get("durationMs").asLong(), again.get("durationMs").asLong());
    }

    @Test
    void a_list_that_does_not_verify_keeps_the_last_good_copy_and_the_summary_says_why() throws Exception {
        assertThat(refresh().exit()).isZero();
        publisher.serve("CZ.xml", data("broken/CZ_broken-sig.xml"));

        Result text = refresh("--fail-on-problems");

        assertThat(text.exit()).isEqualTo(ListsRefreshCommand.EXIT_PROBLEMS);
        assertThat(text.out()).containsPattern("CZ +KEPT LAST GOOD +77 .*signature_invalid");
        assertThat(text.out()).contains("28 not modified");
        assertThat(cache.resolve("CZ.xml")).hasSameBinaryContentAs(data("lotl-snapshot/CZ.xml"));
        assertThat(verdicts(load(cache).json())).isEqualTo(verdicts(load(data("lotl-snapshot")).json()));
        assertThat(text.err()).contains("fetched CZ: downloaded");
    }

    @Test
    void lists_of_trusted_entities_are_refreshed_after_the_trusted_lists_and_the_document_only_gains_fields() throws Exception {
        Credential operator = TestPki.create("Refresh LoTE").endEntity("PID List Operator").issue();
        Credential provider = TestPki.create("Refresh PID").endEntity("PID Provider").issue();
        Path list = Files.writeString(cache.resolveSibling(cache.getFileName() + "-pid.jws"), TestLotes.pidProviders().sequenceNumber(3)
                .issued(java.time.Instant.parse("2019-09-01T00:00:00Z")).nextUpdate(java.time.Instant.parse("2020-03-01T00:00:00Z"))
                .entity("PID Provider", TestLotes.service("PID issuance", TestLotes.PID_ISSUANCE, provider.certificate()))
                .signedJson(operator));
        Path anchor = Files.writeString(cache.resolveSibling(cache.getFileName() + "-operator.pem"), "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(operator.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");

        Result run = refresh("--json", "--lote", list.toString(), "--lote-anchor", anchor.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = run.json();
        assertThat(report.get("summary").get("new").asInt()).isEqualTo(29);
        assertThat(report.get("usable").asBoolean()).isTrue();
        assertThat(report.get("lotl").get("outcome").asText()).isEqualTo("new");
        assertThat(verdicts(report.get("load"))).isEqualTo(verdicts(load(data("lotl-snapshot")).json()));
        assertThat(report.get("lotesUsable").asBoolean()).isTrue();
        assertThat(report.get("loteSummary").get("new").asInt()).isEqualTo(1);
        assertThat(report.get("lotes").get(0).get("outcome").asText()).isEqualTo("new");
        assertThat(report.get("load").get("lotes").get(0).get("accepted").asBoolean()).isTrue();
        assertThat(cache.resolve(report.get("lotes").get(0).get("cacheFile").asText())).hasSameBinaryContentAs(list);
    }

    @Test
    void options_that_cannot_work_are_refused_with_one_line() throws Exception {
        Result offline = refresh("--offline", cache.toString());
        Result badRule = refresh("--rewrite", "not-a-rule");

        assertThat(offline.exit()).isEqualTo(QtrustCli.EXIT_UNUSABLE_INPUT);
        assertThat(offline.err()).contains("--cache");
        assertThat(badRule.exit()).isEqualTo(QtrustCli.EXIT_UNUSABLE_INPUT);
        assertThat(badRule.err().lines().count()).isEqualTo(1);
    }

    /** The lists on 127.0.0.1 under their file names, with ETags and 304s. */
    static final class Publisher implements AutoCloseable {
        private final HttpServer server;
        private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
        final List<String> requests = Collections.synchronizedList(new ArrayList<>());

        Publisher(Path folder) throws IOException {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    documents.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
            server.createContext("/", this::handle);
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        }

        void serve(String name, Path file) throws IOException {
            documents.put(name, Files.readAllBytes(file));
        }

        private void handle(HttpExchange exchange) throws IOException {
            String name = exchange.getRequestURI().getPath().substring(1);
            String condition = exchange.getRequestHeaders().getFirst("If-None-Match");
            requests.add("/" + name + (condition == null ? "" : " If-None-Match: " + condition));
            byte[] content = documents.get(name);
            try (exchange) {
                if (content == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)) + "\"";
                exchange.getResponseHeaders().set("ETag", etag);
                if (etag.equals(condition)) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, content.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}

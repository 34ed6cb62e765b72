package org.qtrust.cli.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.xml.Ts119612ListReader;
import org.qtrust.cli.QtrustCli;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListPointer;

/**
 * Issue 19.2 end to end, with the real reader and XAdES verifier on the September 2019
 * snapshot: a cache filled from a loopback publisher is exported as a mirror, the mirror is
 * served on loopback, and a fresh cache whose every publisher location is dead is filled from
 * it; a tampered mirror document is refused and the last good copy kept; an unverified or
 * damaged cache is not exported.
 */
@Timeout(400)
class MirrorEndToEndTest {

    private static final String AT = "2019-10-01T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    private RefreshEndToEndTest.Publisher publisher;
    private RefreshEndToEndTest.Publisher dead;
    private RefreshEndToEndTest.Publisher mirror;

    @BeforeEach
    void publish() throws IOException {
        publisher = new RefreshEndToEndTest.Publisher(RefreshEndToEndTest.data("lotl-snapshot"));
        dead = new RefreshEndToEndTest.Publisher(Files.createDirectories(work.resolve("nothing")));
    }

    @AfterEach
    void stop() {
        publisher.close();
        dead.close();
        if (mirror != null) {
            mirror.close();
        }
    }

    record Result(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private static Result run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = QtrustCli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    private static List<String> trust() {
        return List.of("--oj-keystore", RefreshEndToEndTest.data("oj-keystore/keystore.p12").toString(), "--oj-password",
                "dss-password", "--at", AT);
    }

    /** Every publication URL of the snapshot to {@code base} (EU.xml, AT.xml, …); anything else to a dead end. */
    private static List<String> rewritesTo(String base) throws Exception {
        List<String> args = new ArrayList<>(List.of("--rewrite", "https://ec.europa.eu/tools/lotl/eu-lotl.xml=" + base + "EU.xml"));
        byte[] lotl = Files.readAllBytes(RefreshEndToEndTest.data("lotl-snapshot/EU.xml"));
        for (ListPointer pointer : new Ts119612ListReader().read(new ListDocument("EU.xml", lotl)).scheme().pointers()) {
            if (pointer.isXml() && !pointer.territory().equals("EU")) {
                args.add("--rewrite");
                args.add(pointer.location() + "=" + base + pointer.territory() + ".xml");
            }
        }
        args.addAll(List.of("--rewrite", "http://=" + base + "unmapped/", "--rewrite", "https://=" + base + "unmapped/"));
        return args;
    }

    private Result refresh(Path cache, String publisherBase, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("lists", "refresh", "--allow-loopback-http", "--cache", cache.toString(), "--json"));
        args.addAll(trust());
        args.addAll(rewritesTo(publisherBase));
        args.addAll(List.of(more));
        return run(args);
    }

    private Result export(Path cache, Path out) {
        List<String> args = new ArrayList<>(List.of("lists", "export", "--cache", cache.toString()));
        args.addAll(trust());
        args.add(out.toString());
        return run(args);
    }

    private Path filledCache() throws Exception {
        Path cache = work.resolve("cache");
        Result filled = refresh(cache, publisher.base());
        assertThat(filled.exit()).as(filled.err()).isZero();
        return cache;
    }

    @Test
    void an_exported_mirror_fills_a_cache_whose_publishers_are_dead_and_the_report_names_the_mirror() throws Exception {
        Path cache = filledCache();
        Path out = work.resolve("mirror");

        Result exported = export(cache, out);

        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("Exported ");
        for (String name : List.of("EU.xml", "AT.xml", "FR.xml")) {
            assertThat(Files.readAllBytes(out.resolve(name))).isEqualTo(Files.readAllBytes(cache.resolve(name)));
        }
        JsonNode index = JSON.readTree(out.resolve("qtrust-mirror.json").toFile());
        assertThat(index.get("documents")).hasSizeGreaterThan(20);
        assertThat(index.get("documents").get(0).get("sha256").asText()).hasSize(64);
        assertThat(out.resolve("EU.meta.properties")).doesNotExist();

        mirror = new RefreshEndToEndTest.Publisher(out);
        Path fresh = work.resolve("fresh");
        Result fromMirror = refresh(fresh, dead.base(), "--lotl-mirror", mirror.base());

        assertThat(fromMirror.exit()).as(fromMirror.err()).isZero();
        JsonNode report = fromMirror.json();
        assertThat(report.get("usable").asBoolean()).isTrue();
        assertThat(report.at("/lotl/outcome").asText()).isEqualTo("new");
        assertThat(report.at("/lotl/source").asText()).isEqualTo("mirror");
        assertThat(report.at("/lotl/mirror").asText()).isEqualTo(mirror.base());
        assertThat(report.at("/lotl/detail").asText()).contains("HTTP 404");
        // Every list the publisher of the snapshot had (not DE, which it never served) came from the mirror.
        report.get("lists").forEach(list -> assertThat(list.get("source").asText()).as(list.toString())
                .isEqualTo(list.get("outcome").asText().equals("failed") ? "publisher" : "mirror"));
        assertThat(report.at("/summary/new").asInt()).isGreaterThan(20);
        assertThat(report.at("/load/lotl/accepted").asBoolean()).isTrue();
        assertThat(Files.readAllBytes(fresh.resolve("AT.xml"))).isEqualTo(Files.readAllBytes(cache.resolve("AT.xml")));
        assertThat(Files.readString(fresh.resolve("AT.meta.properties"))).contains("mirror=" + mirror.base().replace(":", "\\:"));
        // Only the dead publisher was asked first; the mirror by cache-folder names.
        assertThat(mirror.requests).contains("/EU.xml", "/AT.xml");

        // The text summary says it too.
        List<String> text = new ArrayList<>(List.of("lists", "refresh", "--allow-loopback-http", "--cache", fresh.toString(),
                "--lotl-mirror", mirror.base()));
        text.addAll(trust());
        text.addAll(rewritesTo(dead.base()));
        Result summary = run(text);
        assertThat(summary.exit()).as(summary.err()).isZero();
        assertThat(summary.out()).contains("came from a mirror").contains("the mirror serves the cached copy");
    }

    @Test
    void a_tampered_mirror_document_is_refused_and_the_last_good_copy_stays() throws Exception {
        Path cache = filledCache();
        Path out = work.resolve("mirror");
        assertThat(export(cache, out).exit()).isZero();
        // One changed byte in the text of the Austrian list: the signature no longer holds.
        String at = Files.readString(out.resolve("AT.xml"), StandardCharsets.UTF_8);
        int text = at.indexOf("<Name xml:lang=\"en\">") + 21;
        assertThat(text).isGreaterThan(21);
        String tampered = at.substring(0, text) + (at.charAt(text) == 'X' ? 'Y' : 'X') + at.substring(text + 1);
        Files.writeString(out.resolve("AT.xml"), tampered, StandardCharsets.UTF_8);
        mirror = new RefreshEndToEndTest.Publisher(out);
        byte[] lastGood = Files.readAllBytes(cache.resolve("AT.xml"));

        Result result = refresh(cache, dead.base(), "--lotl-mirror", mirror.base());

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode austria = null;
        for (JsonNode list : result.json().get("lists")) {
            if (list.get("territory").asText().equals("AT")) {
                austria = list;
            }
        }
        assertThat(austria).isNotNull();
        assertThat(austria.get("outcome").asText()).isEqualTo("kept_last_good");
        assertThat(austria.get("problem").asText()).isIn("signature_invalid", "signed_properties_invalid", "list_not_parsable");
        assertThat(austria.get("detail").asText()).contains("copy from mirror " + mirror.base());
        assertThat(austria.get("source").asText()).isEqualTo("publisher");
        assertThat(Files.readAllBytes(cache.resolve("AT.xml"))).isEqualTo(lastGood);
        assertThat(result.json().at("/load/lotl/accepted").asBoolean()).isTrue();
    }

    @Test
    void a_damaged_or_hand_seeded_cache_is_not_exported() throws Exception {
        Path cache = filledCache();
        Path seeded = work.resolve("seeded");
        Files.createDirectories(seeded);
        try (var files = Files.list(cache)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith(".xml")) {
                    Files.copy(file, seeded.resolve(file.getFileName()));
                }
            }
        }

        Result unverified = export(seeded, work.resolve("out1"));
        assertThat(unverified.exit()).isEqualTo(QtrustCli.EXIT_UNUSABLE_INPUT);
        assertThat(unverified.err()).contains("without metadata").contains("qtrust lists refresh --cache");
        assertThat(work.resolve("out1")).doesNotExist();

        byte[] be = Files.readAllBytes(cache.resolve("BE.xml"));
        be[be.length / 2] ^= 1;
        Files.write(cache.resolve("BE.xml"), be);
        Result damaged = export(cache, work.resolve("out2"));
        assertThat(damaged.exit()).isEqualTo(QtrustCli.EXIT_UNUSABLE_INPUT);
        assertThat(damaged.err()).contains("BE.xml");
        assertThat(work.resolve("out2")).doesNotExist();
    }

    @Test
    void a_mirror_over_plain_http_off_loopback_or_with_credentials_is_refused() throws Exception {
        Path cache = work.resolve("c");
        Result http = refresh(cache, dead.base(), "--lotl-mirror", "http://mirror.example/");
        assertThat(http.exit()).isEqualTo(QtrustCli.EXIT_UNUSABLE_INPUT);
        assertThat(http.err()).contains("--lotl-mirror").contains("https");
        Result credentials = refresh(cache, dead.base(), "--lotl-mirror", "https://user:secret@mirror.example/");
        assertThat(credentials.exit()).isEqualTo(QtrustCli.EXIT_UNUSABLE_INPUT);
        assertThat(credentials.err()).contains("user information").doesNotContain("secret");
    }
}

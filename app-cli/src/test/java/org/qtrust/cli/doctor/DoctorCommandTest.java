package org.qtrust.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.cli.QtrustCli;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.refresh.port.CacheMetadata;

/** Issue 16.4: {@code qtrust doctor} tells, on one screen, what works and the command that fixes what does not. */
class DoctorCommandTest {

    @TempDir
    Path folder;

    static Path shared() {
        String configured = System.getProperty("qtrust.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "trust-data"))) {
            return Path.of(configured);
        }
        return Path.of("../../shared");
    }

    private static final Path DATA = shared().resolve("trust-data");
    private static final String SNAPSHOT = DATA.resolve("lotl-snapshot").toString();
    private static final String KEYSTORE = DATA.resolve("oj-keystore/keystore.p12").toString();

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = QtrustCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void a_configuration_that_works_is_all_ok_on_one_screen() {
        Run run = run("doctor", "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE, "--oj-password", "dss-password", "--at", "2019-10-01");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("[ ok ] Official Journal certificates: 8 read, 7 within their validity at 2019-10-01T00:00:00Z",
                "[ ok ] lists: the offline folder", "[ ok ] LOTL: accepted (sequence 248, NextUpdate 2020-03-04T00:00:00Z — in 155 days)",
                "[skip] LOTL location https://ec.europa.eu/tools/lotl/eu-lotl.xml: not tried (add --online)",
                "[ ok ] clock: ", "this configuration can work; 1 warning(s)");
        // The snapshot's Dutch list was already past its NextUpdate on that day: a warning, with what fixes it.
        assertThat(run.out()).contains("[WARN] national lists: 27 of 31 accepted", "past their NextUpdate: [NL]",
                "fix: get a newer copy of the folder, or use a cache: qtrust lists refresh");
        assertThat(run.out()).doesNotContain("FAIL");
        assertThat(run.out().lines().count()).isLessThan(25);
    }

    @Test
    void missing_certificates_and_an_empty_cache_each_get_the_command_that_fixes_them() {
        Path cache = folder.resolve("cache");

        Run run = run("doctor", "--cache", cache.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("[FAIL] Official Journal certificates: none given",
                "fix: give --oj-certs DIR (or --oj-keystore FILE --oj-password PW)",
                "[FAIL] cache " + cache + ": does not exist", "fix: qtrust lists refresh --cache " + cache + " --oj-certs DIR",
                "[skip] trusted lists: not loaded", "2 problem(s) to fix");
    }

    @Test
    void a_missing_password_is_a_problem_with_its_fix() {
        Run run = run("doctor", "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("[FAIL] Official Journal certificates: --oj-password is missing",
                "fix: give the keystore's password with --oj-password");
    }

    @Test
    void lists_past_their_next_update_now_are_a_problem_with_a_refresh_as_fix() {
        Run run = run("doctor", "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE, "--oj-password", "dss-password");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("[FAIL] LOTL: not trusted — list_expired", "fix: get a newer copy of the folder, or use a cache: "
                + "qtrust lists refresh --oj-keystore " + KEYSTORE + " --oj-password …");
        assertThat(run.out()).doesNotContain("dss-password");
        assertThat(run.out()).contains("[ ok ] Official Journal certificates: 8 read, 1 within their validity");
        // By 2030 every 2019 OJ certificate has expired: said as a warning, with where to look.
        Run later = run("doctor", "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE, "--oj-password", "dss-password", "--at", "2030-01-01");
        assertThat(later.out()).contains("[WARN] Official Journal certificates: 8 read, 0 within their validity at 2030-01-01T00:00:00Z",
                "fix: compare with the current Official Journal publication (docs/live-eu.md): qtrust oj show --oj-keystore");
    }

    @Test
    void certificates_that_do_not_lead_to_the_lotl_signer_are_named_as_outdated() {
        Run run = run("doctor", "--offline", SNAPSHOT, "--oj-keystore", DATA.resolve("pivots/synthetic/keystore_OJ1.p12").toString(),
                "--oj-password", "password", "--at", "2019-10-01");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("[FAIL] LOTL: signed by", "Patrick Kremer", "none of the 2 Official Journal certificates given",
                "fix: take the certificates of a newer Official Journal publication");
    }

    @Test
    void a_cache_refreshed_long_ago_is_a_warning_with_the_refresh_command() throws Exception {
        Path cache = Files.createDirectories(folder.resolve("old-cache"));
        byte[] lotl = Files.readAllBytes(DATA.resolve("lotl-snapshot/EU.xml"));
        Instant checked = Instant.now().minus(Duration.ofDays(3).plusHours(1));
        new FileListCache(cache).store(new ListDocument("EU.xml", lotl), new CacheMetadata(
                ListLocation.listOfLists("https://ec.europa.eu/tools/lotl/eu-lotl.xml"), Optional.empty(), Optional.empty(),
                checked, checked, "00", BigInteger.valueOf(248), Instant.parse("2019-09-04T08:00:00Z"),
                Optional.of(Instant.parse("2020-03-04T00:00:00Z"))));

        Run run = run("doctor", "--cache", cache.toString(), "--oj-keystore", KEYSTORE, "--oj-password", "dss-password",
                "--at", "2019-10-01");

        assertThat(run.out()).contains("[WARN] cache " + cache + ": last refreshed", "(3 days ago); refresh at least every 12 hours",
                "fix: qtrust lists refresh --cache " + cache + " --oj-keystore " + KEYSTORE);
        // Only the LOTL is in this cache: every national list is missing, said briefly.
        assertThat(run.out()).contains("[WARN] national lists: 0 of 31 accepted; refused: AT list_unavailable,", "(26 more)");
    }

    @Test
    void online_it_reaches_the_lotl_location_and_compares_the_clocks() throws Exception {
        byte[] lotl = Files.readAllBytes(DATA.resolve("lotl-snapshot/EU.xml"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 8);
        server.createContext("/eu-lotl.xml", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, lotl.length);
                exchange.getResponseBody().write(lotl);
            }
        });
        server.start();
        try {
            Run run = run("doctor", "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE, "--oj-password", "dss-password", "--at",
                    "2019-10-01", "--online", "--allow-loopback-http", "--lotl-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/eu-lotl.xml");

            assertThat(run.exit()).as(run.out()).isZero();
            assertThat(run.out()).contains("[ ok ] LOTL location http://127.0.0.1:", "reachable (HTTP 200, " + lotl.length + " bytes",
                    "agrees with the LOTL's server");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void online_an_unreachable_location_and_a_wrong_clock_are_problems() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Run unreachable = run("doctor", "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE, "--oj-password", "dss-password", "--at",
                "2019-10-01", "--online", "--allow-loopback-http", "--lotl-url", "http://127.0.0.1:" + closed + "/eu-lotl.xml", "--timeout", "PT3S");

        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.out()).contains("[FAIL] LOTL location http://127.0.0.1:" + closed + "/eu-lotl.xml: not reachable",
                "fix: check the network or proxy (--proxy)");

        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> answerWithOldDate(server));
            answer.setDaemon(true);
            answer.start();
            Run skewed = run("doctor", "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE, "--oj-password", "dss-password", "--at",
                    "2019-10-01", "--online", "--allow-loopback-http", "--lotl-url", "http://127.0.0.1:" + server.getLocalPort() + "/eu-lotl.xml");

            assertThat(skewed.exit()).isEqualTo(1);
            assertThat(skewed.out()).contains("[FAIL] clock: ", "at the LOTL's server", "fix: set the system clock right");
        }
    }

    /** An HTTP server whose clock says 1 January 2024: a raw socket, since the JDK's server sets Date itself. */
    private static void answerWithOldDate(ServerSocket server) {
        for (int i = 0; i < 4; i++) {
            try (Socket socket = server.accept()) {
                socket.getInputStream().read(new byte[8192]);
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Test
    void a_store_is_not_offered_and_refused_naming_it_rather_than_ignored() {
        Run help = run("doctor", "--help");
        Run store = run("doctor", "--oj-keystore", KEYSTORE, "--oj-password", "dss-password", "--store", "redis://127.0.0.1:1");
        Run prefix = run("doctor", "--offline", SNAPSHOT, "--store-prefix", "x:");

        assertThat(help.out()).contains("--offline=", "--cache=", "--online").doesNotContain("--store");
        assertThat(store.exit()).isEqualTo(2);
        assertThat(store.err()).contains("'--store'", "qtrust doctor does not read a shared store: 'qtrust lists load --store URL' checks one");
        assertThat(store.out()).isEmpty();
        assertThat(prefix.exit()).isEqualTo(2);
        assertThat(prefix.err()).contains("'--store-prefix'");
    }
}

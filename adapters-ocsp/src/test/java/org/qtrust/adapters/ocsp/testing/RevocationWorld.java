package org.qtrust.adapters.ocsp.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.CRLReason;
import org.qtrust.adapters.ocsp.testing.TestPki.Identity;

/**
 * The world the integration tests run in, on 127.0.0.1: a test CA, an OpenSSL CA index, real
 * {@code openssl ocsp} responders (signed by the CA, by a delegate, by an unauthorised
 * responder, and one without nextUpdate), a JDK HTTP server for CRLs and fakes, and leaf
 * certificates pointing at them. Close it to stop every process and server.
 */
public final class RevocationWorld implements AutoCloseable {

    public static final BigInteger GOOD = BigInteger.valueOf(0x1001);
    public static final BigInteger REVOKED = BigInteger.valueOf(0x1002);
    public static final BigInteger UNKNOWN = BigInteger.valueOf(0x1003);
    public static final BigInteger REVOKED_LATER = BigInteger.valueOf(0x1004);

    private static final DateTimeFormatter OPENSSL_TIME =
            DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    public final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** Revocation time of {@link #REVOKED}: a day ago, keyCompromise. */
    public final Instant revokedAt = now.minus(Duration.ofDays(1));
    /** Revocation time of {@link #REVOKED_LATER}: an hour ago, superseded. */
    public final Instant revokedLaterAt = now.minus(Duration.ofHours(1));

    public final Path dir;
    public final Identity ca;
    public final Identity otherCa;
    public final Identity delegate;
    public final Identity rogue;
    public final LocalHttpServer http;
    /**
     * The tests' transport: timeouts far above what any exchange with the local servers takes, even on
     * a loaded machine, so that no test's outcome depends on the machine's load.
     */
    public final JdkHttpTransport transport = new JdkHttpTransport(Duration.ofSeconds(10), Duration.ofSeconds(30));
    /** A transport with short timeouts, for the tests about responders that never answer. */
    public final JdkHttpTransport impatientTransport = new JdkHttpTransport(Duration.ofSeconds(1), Duration.ofMillis(1500));

    public final OpensslResponder caResponder;
    public final OpensslResponder delegateResponder;
    public final OpensslResponder rogueResponder;
    public final OpensslResponder noNextUpdateResponder;

    public final Identity goodLeaf;
    public final Identity revokedLeaf;
    public final Identity unknownLeaf;
    public final Identity revokedLaterLeaf;

    private final List<AutoCloseable> closeables = new ArrayList<>();

    public RevocationWorld(boolean withOpenssl) throws IOException, InterruptedException {
        dir = Files.createTempDirectory("qtrust-revocation-");
        boolean done = false;
        try {
            Instant from = now.minus(Duration.ofDays(30));
            Instant to = now.plus(Duration.ofDays(365));
            ca = TestPki.rootCa("QTrust Test CA", from, to);
            otherCa = TestPki.rootCa("QTrust Test CA", from, to); // same name, another key
            delegate = TestPki.issue("QTrust Test OCSP Delegate", ca, BigInteger.valueOf(0xD0), from, to,
                    TestPki::ocspSigning);
            rogue = TestPki.selfSignedResponder("Rogue OCSP Responder", from, to);
            http = new LocalHttpServer();
            closeables.add(http);

            if (withOpenssl) {
                Path index = dir.resolve("index.txt");
                Files.writeString(index, String.join("", List.of(
                        indexLine("V", null, GOOD),
                        indexLine("R", revokedAt + ",keyCompromise", REVOKED),
                        indexLine("R", revokedLaterAt + ",superseded", REVOKED_LATER))), StandardCharsets.US_ASCII);
                Path caPem = pem("ca.pem", ca.certificate());
                Path caKey = key("ca.key", ca);
                Path delegatePem = pem("delegate.pem", delegate.certificate());
                Path delegateKey = key("delegate.key", delegate);
                Path roguePem = pem("rogue.pem", rogue.certificate());
                Path rogueKey = key("rogue.key", rogue);
                caResponder = track(OpensslResponder.start(dir, "ca", index, caPem, caPem, caKey,
                        List.of("-ndays", "1")));
                delegateResponder = track(OpensslResponder.start(dir, "delegate", index, caPem, delegatePem,
                        delegateKey, List.of("-ndays", "1")));
                rogueResponder = track(OpensslResponder.start(dir, "rogue", index, caPem, roguePem, rogueKey,
                        List.of("-ndays", "1")));
                noNextUpdateResponder = track(OpensslResponder.start(dir, "nonext", index, caPem, caPem, caKey,
                        List.of()));
            } else {
                caResponder = null;
                delegateResponder = null;
                rogueResponder = null;
                noNextUpdateResponder = null;
            }
            String ocspUrl = caResponder == null ? http.url("/ocsp") : caResponder.url();
            String crlUrl = http.url("/ca.crl");
            Instant leafTo = now.plus(Duration.ofDays(60));
            goodLeaf = TestPki.issue("good", ca, GOOD, from, leafTo, TestPki.leaf(ocspUrl, crlUrl));
            revokedLeaf = TestPki.issue("revoked", ca, REVOKED, from, leafTo, TestPki.leaf(ocspUrl, crlUrl));
            unknownLeaf = TestPki.issue("unknown", ca, UNKNOWN, from, leafTo, TestPki.leaf(ocspUrl, crlUrl));
            revokedLaterLeaf = TestPki.issue("revoked later", ca, REVOKED_LATER, from, leafTo,
                    TestPki.leaf(ocspUrl, crlUrl));
            serveCrl(currentCrl());
            done = true;
        } finally {
            if (!done) {
                close();
            }
        }
    }

    /** The CA's current CRL: REVOKED (keyCompromise) and REVOKED_LATER (superseded); valid a day. */
    public byte[] currentCrl() {
        return TestPki.crl(ca.name(), ca.privateKey(), now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1)),
                Map.of(REVOKED, new TestPki.Revoked(revokedAt, CRLReason.keyCompromise),
                        REVOKED_LATER, new TestPki.Revoked(revokedLaterAt, CRLReason.superseded)));
    }

    public void serveCrl(byte[] crl) {
        http.route("/ca.crl", LocalHttpServer.Reply.ok("application/pkix-crl", crl));
    }

    public X509Certificate issuer() {
        return ca.certificate();
    }

    /** A URL where nothing listens (a port bound then released). */
    public static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/";
        }
    }

    /** A server that accepts TCP connections (kernel backlog) and never answers. Close it after use. */
    public ServerSocket hangingServer() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        closeables.add(socket);
        return socket;
    }

    private <T extends AutoCloseable> T track(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    private static String indexLine(String status, String revocation, BigInteger serial) {
        String revoked = "";
        if (revocation != null) {
            String[] parts = revocation.split(",");
            revoked = OPENSSL_TIME.format(Instant.parse(parts[0])) + "," + parts[1];
        }
        String hex = serial.toString(16).toUpperCase();
        if (hex.length() % 2 == 1) {
            hex = "0" + hex;
        }
        return status + "\t491231235959Z\t" + revoked + "\t" + hex + "\tunknown\t/CN=leaf" + hex + "\n";
    }

    private Path pem(String name, X509Certificate certificate) throws IOException {
        Path file = dir.resolve(name);
        TestPki.writeCertificate(file, certificate);
        return file;
    }

    private Path key(String name, Identity identity) throws IOException {
        Path file = dir.resolve(name);
        TestPki.writeKey(file, identity.privateKey());
        return file;
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                // keep closing the others
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}

package org.qtrust.cli.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
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
import org.qtrust.cli.QtrustCli;

/**
 * Issue 19.1 on the command line: {@code qtrust cert verify --cache DIR} refreshes the list of the
 * issuer's country when the issuer is not trusted — one conditional request, at most once per
 * territory per interval across invocations (the attempts are kept in the cache folder) — and
 * decides again on the refreshed lists. A loopback publisher adds a QTSP to the Austrian list
 * between two invocations.
 */
@Timeout(240)
class CertVerifyOnMissRefreshTest {

    private static final String AT = "2024-03-01T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestPki pki = TestPki.create("CliOnMiss");
    private final Credential lotlSigner = pki.endEntity("LOTL signer").issue();
    private final Credential listSigner = pki.endEntity("TL signer").issue();
    private final Credential newQtsp = pki.certificate("CN=Brand-new QTSP CA,O=New QTSP,C=AT").issuedBy(pki.root()).ca(0)
            .keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).issue();
    private final Credential holder = pki.certificate("CN=Erika Mustermann,C=AT").issuedBy(newQtsp).endEntity()
            .validity(Instant.parse("2023-06-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"))
            .keyUsage(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.NON_REPUDIATION)
            .qcStatements(QcStatements.create().compliance().sscd().type(QcStatements.QCT_ESIGN).encoded()).issue();

    @TempDir
    Path work;
    private Path cache;
    private Path published;
    private Path oj;
    private Path certificate;
    private RefreshEndToEndTest.Publisher publisher;

    @BeforeEach
    void publish() throws Exception {
        cache = work.resolve("cache");
        published = Files.createDirectories(work.resolve("published"));
        oj = Files.createDirectories(work.resolve("oj"));
        Files.writeString(oj.resolve("lotl-signer.pem"), pem(lotlSigner));
        certificate = work.resolve("holder.pem");
        Files.writeString(certificate, pem(holder));
        publisher = new RefreshEndToEndTest.Publisher(published);
        TestLists.LotlBuilder lotl = TestLists.lotl().sequenceNumber(7);
        for (String territory : List.of("AT", "BE")) {
            lotl.pointer(territory, publisher.base() + territory + ".xml", listSigner.certificate());
            put(territory + ".xml", list(territory, 1, false));
        }
        put("EU.xml", TestListSigner.with(lotlSigner).sign(lotl.build()));
        Result filled = run("lists", "refresh", "--cache", cache.toString());
        assertThat(filled.exit()).as(filled.err()).isZero();
        publisher.requests.clear();
    }

    @AfterEach
    void stop() {
        publisher.close();
    }

    @Test
    void aQtspAddedBetweenTwoInvocationsIsTrustedOnTheSecondAfterOneConditionalRequest() throws Exception {
        JsonNode first = verify("--cache", cache.toString(), "--miss-refresh-interval", "PT1S");
        assertThat(first.get("code").asText()).isEqualTo("issuer_not_trusted");
        assertThat(first.get("trace").toString()).contains("AT not refreshed on a miss (unchanged");

        put("AT.xml", list("AT", 2, true));
        Thread.sleep(1_100); // past the interval, so the second invocation may ask again
        publisher.requests.clear();
        JsonNode second = verify("--cache", cache.toString(), "--miss-refresh-interval", "PT1S");

        assertThat(second.get("trusted").asBoolean()).as(second.toString()).isTrue();
        assertThat(second.get("trace").toString()).contains("refreshed AT on a miss: new sequence 2");
        assertThat(publisher.requests).hasSize(1).allMatch(request -> request.startsWith("/AT.xml If-None-Match: "));
        assertThat(Files.readString(cache.resolve("AT.xml"))).contains("Brand-new QTSP CA");
    }

    @Test
    void anUnchangedListAnswers304AndNothingIsSwappedThenASecondMissWithinTheIntervalIsRateLimited() throws Exception {
        byte[] before = Files.readAllBytes(cache.resolve("AT.xml"));

        JsonNode first = verify("--cache", cache.toString());

        assertThat(first.get("code").asText()).isEqualTo("issuer_not_trusted");
        assertThat(publisher.requests).hasSize(1).allMatch(request -> request.startsWith("/AT.xml If-None-Match: "));
        assertThat(Files.readAllBytes(cache.resolve("AT.xml"))).isEqualTo(before);
        assertThat(Files.readString(cache.resolve(".miss-refresh"))).startsWith("AT ");

        // The publisher adds the QTSP, but the default interval (10 min) has not passed: no request, still not trusted.
        put("AT.xml", list("AT", 2, true));
        publisher.requests.clear();
        JsonNode second = verify("--cache", cache.toString());

        assertThat(second.get("code").asText()).isEqualTo("issuer_not_trusted");
        assertThat(second.get("trace").toString()).contains("AT not refreshed on a miss (rate limit: tried ");
        assertThat(publisher.requests).isEmpty();
        assertThat(Files.readAllBytes(cache.resolve("AT.xml"))).isEqualTo(before);
    }

    @Test
    void nothingIsFetchedWhenTheRefreshIsOffOrTheListsAreAnOfflineFolder() throws Exception {
        put("AT.xml", list("AT", 2, true));

        JsonNode off = verify("--cache", cache.toString(), "--miss-refresh-interval", "off");
        JsonNode offline = verify("--offline", cache.toString());

        assertThat(off.get("code").asText()).isEqualTo("issuer_not_trusted");
        assertThat(offline.get("code").asText()).isEqualTo("issuer_not_trusted");
        assertThat(off.get("trace").toString()).doesNotContain("on a miss");
        assertThat(offline.get("trace").toString()).doesNotContain("on a miss");
        assertThat(publisher.requests).isEmpty();
        assertThat(cache.resolve(".miss-refresh")).doesNotExist();
    }

    @Test
    void aCertificateWhoseIssuerCountryHasNoListCausesNoRequest() throws Exception {
        Credential ca = pki.certificate("CN=Unlisted CA,C=FR").issuedBy(pki.root()).ca(0).keyUsage(KeyUsage.KEY_CERT_SIGN).issue();
        Credential stranger = pki.certificate("CN=Someone,C=FR").issuedBy(ca).endEntity().keyUsage(KeyUsage.DIGITAL_SIGNATURE).issue();
        Files.writeString(certificate, pem(stranger));

        JsonNode verdict = verify("--cache", cache.toString());

        assertThat(verdict.get("trusted").asBoolean()).isFalse();
        assertThat(verdict.get("trace").toString()).doesNotContain("on a miss");
        assertThat(publisher.requests).isEmpty();
    }

    private JsonNode verify(String... lists) throws Exception {
        List<String> args = new ArrayList<>(List.of("cert", "verify", certificate.toString(), "--json", "--revocation", "off"));
        args.addAll(Arrays.asList(lists));
        Result result = run(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.err()).isIn(0, 1);
        return JSON.readTree(result.out());
    }

    private Result run(String... command) {
        List<String> args = new ArrayList<>(Arrays.asList(command));
        args.addAll(List.of("--allow-loopback-http", "--lotl-url", publisher.base() + "EU.xml", "--oj-certs", oj.toString(),
                "--at", AT));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = QtrustCli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    private record Result(int exit, String out, String err) {
    }

    private void put(String name, String xml) throws Exception {
        Path file = published.resolve(name);
        Files.writeString(file, xml);
        publisher.serve(name, file);
    }

    private String list(String territory, int sequence, boolean withNewQtsp) {
        TestLists.TrustedListBuilder list = TestLists.trustedList(territory).sequenceNumber(sequence).provider("Old QTSP")
                .service(TestLists.service("Old CA", TestLists.CA_QC, pki.intermediate().certificate())
                        .status(TestLists.GRANTED, Instant.parse("2017-01-01T00:00:00Z")));
        if (withNewQtsp) {
            list.provider("New QTSP").service(TestLists.service("Brand-new QTSP CA", TestLists.CA_QC, newQtsp.certificate())
                    .status(TestLists.GRANTED, Instant.parse("2020-01-01T00:00:00Z"))
                    .additionalInformation("http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSignatures"));
        }
        return TestListSigner.with(listSigner).sign(list.build());
    }

    private static String pem(Credential credential) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(credential.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }
}

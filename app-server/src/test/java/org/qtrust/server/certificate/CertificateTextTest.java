package org.qtrust.server.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qtrust.server.RunningServer;
import org.qtrust.server.http.ApiProblem;

/** How the API reads the text of a certificate: PEM, PEM bundles, bare base64; everything else refused with a reason code. */
class CertificateTextTest {

    private static String pem(String name) throws Exception {
        return Files.readString(RunningServer.shared().resolve("trust-data/certs").resolve(name));
    }

    /** The DER of the first block, decoded independently of the code under test. */
    private static byte[] der(String pem) {
        String body = pem.substring(pem.indexOf("-----", pem.indexOf("-----BEGIN") + 10) + 5, pem.indexOf("-----END"));
        return Base64.getMimeDecoder().decode(body);
    }

    private static final String EC_DIGIT = "435504bfd802-EC-DIGIT.pem";
    private static final String OTHER = "00bde2633de0-good-user.pem";

    @Test
    void onePemBlockGivesItsDer() throws Exception {
        String text = pem(EC_DIGIT);
        List<byte[]> certificates = CertificateText.decodeAll(text, "certificate");
        assertThat(certificates).hasSize(1);
        assertThat(certificates.get(0)).isEqualTo(der(text));
    }

    @Test
    void aBundleGivesEveryBlockInOrderWhateverItsLabel() throws Exception {
        String first = pem(EC_DIGIT);
        String second = pem(OTHER).replace("BEGIN CERTIFICATE", "BEGIN X509 CERTIFICATE").replace("END CERTIFICATE", "END X509 CERTIFICATE");
        List<byte[]> certificates = CertificateText.decodeAll("leading text\n" + first + "\nbetween\n" + second, "certificate");
        assertThat(certificates).hasSize(2);
        assertThat(certificates.get(0)).isEqualTo(der(first));
        assertThat(certificates.get(1)).isEqualTo(der(pem(OTHER)));
    }

    @Test
    void bareBase64WithLineBreaksAndSpacesGivesTheSameDer() throws Exception {
        byte[] der = der(pem(EC_DIGIT));
        String wrapped = Base64.getMimeEncoder(64, "\r\n".getBytes()).encodeToString(der).replace("A", " A\t");
        assertThat(CertificateText.decodeAll(wrapped, "chain[0]")).singleElement().isEqualTo(der);
    }

    @Test
    void aCharacterOutsideBase64IsRefused() throws Exception {
        String text = pem(EC_DIGIT);
        int at = text.indexOf("MII") + 3;
        for (String intruder : List.of("é", "Ł", "-", "*", "\u0000")) {
            String broken = text.substring(0, at) + intruder + text.substring(at);
            assertThatThrownBy(() -> CertificateText.decodeAll(broken, "certificate"))
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                        assertThat(problem.code()).isEqualTo("invalid_certificate");
                        assertThat(problem.getMessage()).contains("neither PEM nor base64");
                    });
        }
        // a non-ASCII letter whose low byte is a base64 letter ('Ł' is U+0141, 'A' is 0x41) is not read as that letter
        String bare = Base64.getEncoder().encodeToString(der(text)).replaceFirst("A", "\u0141");
        assertThatThrownBy(() -> CertificateText.decodeAll(bare, "certificate")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void aHeaderWithoutABlockAnEmptyBlockAndAnEmptyTextAreRefused() {
        assertThatThrownBy(() -> CertificateText.decodeAll("-----BEGIN CERTIFICATE-----\nMIIB", "certificate"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getMessage()).contains("no CERTIFICATE block"));
        assertThatThrownBy(() -> CertificateText.decodeAll("-----BEGIN CERTIFICATE-----\n \n-----END CERTIFICATE-----", "certificate"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getMessage()).contains("is empty"));
        assertThatThrownBy(() -> CertificateText.decodeAll(" \n ", "chain[2]"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getMessage()).contains("'chain[2]' is empty"));
    }

    @Test
    void aBundleOfMoreThanTheChainLimitIsRefused() throws Exception {
        String bundle = (pem(EC_DIGIT) + "\n").repeat(CertificateEndpoint.MAX_CHAIN + 2);
        assertThatThrownBy(() -> CertificateText.decodeAll(bundle, "certificate"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.code()).isEqualTo("invalid_field"));
        assertThat(CertificateText.decodeAll((pem(EC_DIGIT) + "\n").repeat(CertificateEndpoint.MAX_CHAIN + 1), "certificate"))
                .hasSize(CertificateEndpoint.MAX_CHAIN + 1);
    }

    @Test
    void theBundlePositionIsNamedForALaterBrokenCertificate() throws Exception {
        String broken = pem(OTHER).replace("MII", "MII%");
        assertThatThrownBy(() -> CertificateText.decodeAll(pem(EC_DIGIT) + broken, "certificate"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getMessage()).contains("certificate 2 of the bundle"));
    }
}

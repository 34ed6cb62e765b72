package org.qtrust.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 16.1: each embedding example runs with no arguments and prints the verdict the guide
 * promises. (a) and (c) never open a socket; (b) talks only to the sandbox it serves on 127.0.0.1.
 */
class ExamplesTest {

    interface Main {
        void run(String[] args) throws Exception;
    }

    /** What {@code main} printed. The examples read ../shared through the qtrust.shared property the build sets. */
    static String run(Main main) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.run(new String[0]);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.print(output);
        return output;
    }

    @Test
    void a_core_xml_and_crypto_without_guice_decide_a_real_certificate_offline() throws Exception {
        String output = run(OfflineDecision::main);

        // What docs/embedding.md says it prints.
        assertThat(output).contains("LOTL accepted: true; lists accepted: 27 of 31", "verdict: trusted (ok) — BE / QuoVadis Trustlink BVBA",
                "qualification at issuance: QCERT_FOR_ESEAL_QSCD");
    }

    @Test
    void b_the_same_with_guice_refreshes_over_http_and_checks_revocation_by_ocsp() throws Exception {
        String output = run(GuiceDecision::main);

        assertThat(output).contains("NEW=4", "FAILED=1", "usable: true", "LOTL accepted: true; lists accepted: 2 of 3");
        assertThat(output).contains("qualified-esig.pem: trusted (ok); revocation: good (ocsp)");
        assertThat(output).contains("revoked.pem: not trusted (certificate_revoked); revocation: revoked (ocsp)");
    }

    @Test
    void c_a_wallet_credential_is_verified_through_its_issuer_chain_and_the_lists() throws Exception {
        String output = run(CredentialVerification::main);

        assertThat(output).contains("verdict: valid (ok) — issuer http://127.0.0.1:8642/issuers/attestation-b, vct urn:eudi:sandbox:diploma:1, "
                + "holder bound", "disclosed claims: [");
    }
}

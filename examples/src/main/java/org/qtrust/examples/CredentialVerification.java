package org.qtrust.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.qtrust.adapters.crypto.certificate.BouncyCastleCertificateInspector;
import org.qtrust.adapters.crypto.keystore.OfficialJournalCertificates;
import org.qtrust.adapters.crypto.sandbox.SandboxGenerator;
import org.qtrust.adapters.crypto.sandbox.SandboxLayout;
import org.qtrust.adapters.crypto.sandbox.SandboxSettings;
import org.qtrust.adapters.crypto.sdjwt.Jose4jWebTokens;
import org.qtrust.adapters.crypto.xades.XadesListSignatureVerifier;
import org.qtrust.adapters.xml.Ts119612ListReader;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.credential.CredentialCheck;
import org.qtrust.core.credential.CredentialVerdict;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.loading.TrustedListLoader;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;

/**
 * Example (c): verifying an EUDI wallet credential, an SD-JWT VC presentation with key binding,
 * whose issuer is trusted through its x5c chain and the trusted lists (core + adapters-xml +
 * adapters-crypto, no Guice). The credential, the lists and the Official Journal keystore come
 * from the sandbox (docs/sandbox.md), written to a temporary folder: in an application the
 * presentation comes from the wallet and the lists from the EU. No network: issuer metadata and
 * status lists are not fetched here.
 */
public final class CredentialVerification {

    public static void main(String[] args) throws Exception {
        Path sandbox = Files.createTempDirectory("qtrust-sandbox");
        SandboxSettings settings = new SandboxSettings(SandboxSettings.DEFAULT_SEED, SandboxSettings.DEFAULT_PORT);
        SandboxGenerator.generate(sandbox, settings);
        Instant at = SandboxLayout.VALIDATION_TIME; // when the sandbox's wallet presented the credential

        // 1. The trusted lists, loaded and verified as in example (a).
        List<ServiceCertificate> officialJournal = OfficialJournalCertificates.fromKeyStore(
                sandbox.resolve("oj-keystore.p12"), "sandbox".toCharArray());
        ExecutorService workers = Executors.newFixedThreadPool(2);
        TrustedListsReport report;
        try {
            report = new TrustedListLoader(OfflineDecision.folder(sandbox.resolve("lists")), new Ts119612ListReader(),
                    new XadesListSignatureVerifier(), workers).load(new LoadRequest(
                    ListLocation.listOfLists(settings.baseUrl() + "/lists/EU.xml"), officialJournal, Optional.empty(), at,
                    ListAcceptancePolicy.STRICT));
        } finally {
            workers.shutdown();
        }

        // 2. The issuer's x5c chain is decided like a certificate, under the policy's rules for credential issuers:
        //    it must end at a service that may issue this kind of credential (an attestation: EAA/Q or EAA/Pub-EAA).
        VerificationPolicy policy = VerificationPolicy.euEidas().forCredentialIssuers().withRevocation(RevocationMode.OFF);
        BouncyCastleCertificateInspector inspector = new BouncyCastleCertificateInspector();
        CertificateDecisionService decisions = new CertificateDecisionService(
                TrustedServiceIndex.fromReport(report, List.of(), inspector), inspector, policy, Optional.empty(),
                RevocationPolicy.defaults());

        // 3. The credential: issuer signature, typ and vct, times, disclosures, key binding to the audience and nonce this
        //    verifier gave the wallet.
        CredentialVerificationService credentials = CredentialVerificationService.offline(
                new IssuerTrust.CertificateChain(decisions), new Jose4jWebTokens());
        String presentation = Files.readString(sandbox.resolve("credentials/attestation.sdjwt"), StandardCharsets.US_ASCII).strip();
        CredentialVerdict verdict = credentials.verify(CredentialCheck.of(presentation, at)
                .forVerifier("https://verifier.sandbox.qtrust.invalid", "sandbox-nonce-2026")
                .requiringKeyBinding(true));

        System.out.println("verdict: " + (verdict.valid() ? "valid" : "not valid") + " (" + verdict.code().code() + ")"
                + " — issuer " + verdict.issuer().orElse("?") + ", vct " + verdict.vct().orElse("?")
                + (verdict.holderBound() ? ", holder bound" : ""));
        System.out.println("disclosed claims: " + verdict.claims().keySet());
        verdict.trace().forEach(line -> System.out.println("    " + line));
    }
}

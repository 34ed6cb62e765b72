package org.qtrust.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.qtrust.adapters.crypto.certificate.BouncyCastleCertificateInspector;
import org.qtrust.adapters.crypto.keystore.OfficialJournalCertificates;
import org.qtrust.adapters.crypto.xades.XadesListSignatureVerifier;
import org.qtrust.adapters.xml.Ts119612ListReader;
import org.qtrust.core.certificate.CertificateCheck;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.loading.TrustedListLoader;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.core.trustedlist.port.ListDocumentSource;

/**
 * Example (a): core + adapters-xml + adapters-crypto, no Guice, no network. Loads the EU lists
 * of September 2019 from a folder, decides one real certificate and prints the verdict.
 * Run from the repository root, with ../shared beside it.
 */
public final class OfflineDecision {

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(System.getProperty("qtrust.shared", "../shared"));
        Path lists = shared.resolve("trust-data/lotl-snapshot");
        Instant at = Instant.parse("2019-10-01T00:00:00Z"); // the validation time is always explicit

        // The trust anchors: the Official Journal certificates, configuration you check (docs/live-eu.md).
        List<ServiceCertificate> officialJournal = OfficialJournalCertificates.fromKeyStore(
                shared.resolve("trust-data/oj-keystore/keystore.p12"), "dss-password".toCharArray());

        // The use case from core, with the ports implemented by the two adapters and a folder source.
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            TrustedListLoader loader = new TrustedListLoader(folder(lists), new Ts119612ListReader(),
                    new XadesListSignatureVerifier(), workers);
            TrustedListsReport report = loader.load(new LoadRequest(
                    ListLocation.listOfLists("https://ec.europa.eu/tools/lotl/eu-lotl.xml"), officialJournal,
                    Optional.empty(), at, ListAcceptancePolicy.STRICT));
            System.out.println("LOTL accepted: " + report.listOfLists().accepted() + "; lists accepted: "
                    + report.acceptedLists().size() + " of " + report.lists().size());

            // The decision: the keys of every accepted list's services, the EU eIDAS policy (revocation off: no network).
            BouncyCastleCertificateInspector inspector = new BouncyCastleCertificateInspector();
            TrustedServiceIndex index = TrustedServiceIndex.fromReport(report, List.of(), inspector);
            CertificateDecisionService decisions = new CertificateDecisionService(index, inspector,
                    VerificationPolicy.euEidas().withRevocation(RevocationMode.OFF), Optional.empty(), RevocationPolicy.defaults());

            List<byte[]> pem = certificates(shared.resolve("trust-data/certs/435504bfd802-EC-DIGIT.pem"));
            CertificateVerdict verdict = decisions.verify(CertificateCheck.of(pem.get(0), at));
            System.out.println("verdict: " + (verdict.trusted() ? "trusted" : "not trusted") + " (" + verdict.code().code() + ")"
                    + verdict.territory().map(t -> " — " + t + " / " + verdict.provider().orElse("?")).orElse(""));
            System.out.println("qualification at issuance: " + verdict.qualification().atIssuance());
            verdict.trace().forEach(line -> System.out.println("    " + line));
        } finally {
            workers.shutdown();
        }
    }

    /** A ListDocumentSource over a folder: EU.xml for the LOTL, {@code <territory>.xml} for each list. */
    static ListDocumentSource folder(Path folder) {
        Pattern safeName = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}");
        return location -> {
            String name = switch (location.role()) {
                case LIST_OF_LISTS -> "EU.xml";
                case TERRITORY_LIST -> location.territory() + ".xml";
                case PIVOT -> location.fileName();
            };
            if (!safeName.matcher(name).matches()) { // names come from lists under verification
                return new DocumentLookup.Unavailable("unsafe file name " + name);
            }
            try {
                return new DocumentLookup.Found(new ListDocument(name, Files.readAllBytes(folder.resolve(name))));
            } catch (NoSuchFileException e) {
                return new DocumentLookup.Unavailable("no " + name + " in " + folder);
            } catch (IOException e) {
                return new DocumentLookup.Unavailable("cannot read " + name + ": " + e.getMessage());
            }
        };
    }

    /** The certificates of a PEM (or DER) file, in order, DER-encoded: the JDK reads them. */
    static List<byte[]> certificates(Path file) throws IOException, GeneralSecurityException {
        List<byte[]> certificates = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add(certificate.getEncoded());
            }
        }
        return certificates;
    }
}

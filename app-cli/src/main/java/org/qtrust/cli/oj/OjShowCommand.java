package org.qtrust.cli.oj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.qtrust.cli.json.Json;
import org.qtrust.cli.options.ValidationTimes;
import org.qtrust.cli.wiring.TrustedListsSession;
import org.qtrust.core.trustedlist.ServiceCertificate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qtrust oj show (--oj-keystore FILE --oj-password PW | --oj-certs DIR)}: each Official
 * Journal certificate's subject, validity and SHA-256, to compare with the digests the Official
 * Journal publication prints before trusting them (docs/live-eu.md).
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print each Official Journal certificate's subject, validity and SHA-256 (hex), to compare with the digests "
                + "the Official Journal publication gives.")
public final class OjShowCommand implements Callable<Integer> {

    @Option(names = "--oj-keystore", paramLabel = "FILE",
            description = "PKCS#12 or JKS keystore with the Official Journal LOTL signing certificates.")
    Path ojKeystore;

    @Option(names = "--oj-password", paramLabel = "PW", description = "Password of the --oj-keystore.")
    String ojPassword;

    @Option(names = "--oj-certs", paramLabel = "DIR", description = "Folder of PEM/DER Official Journal certificates (instead of a keystore).")
    Path ojCerts;

    @Option(names = "--at", paramLabel = "INSTANT", description = "Say which certificates are valid at this time (ISO-8601 instant or date; default: now).")
    String at;

    @Option(names = "--json", description = "Print one JSON document: {\"source\", \"at\", \"certificates\": [{\"subject\", \"notBefore\", \"notAfter\", \"validAt\", \"sha256\"}]}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Instant time = at == null ? Clock.systemUTC().instant() : ValidationTimes.parse("--at", at);
        List<Shown> certificates = TrustedListsSession.officialJournalCertificates(Optional.ofNullable(ojKeystore),
                Optional.ofNullable(ojPassword), Optional.ofNullable(ojCerts)).stream().map(Shown::of).toList();
        String source = ojKeystore != null ? "keystore " + ojKeystore : "folder " + ojCerts;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode document = Json.MAPPER.createObjectNode();
            document.put("source", source);
            document.put("at", time.toString());
            ArrayNode list = document.putArray("certificates");
            for (Shown certificate : certificates) {
                ObjectNode node = list.addObject();
                node.put("subject", certificate.subjectName());
                node.put("notBefore", certificate.notBefore().toString());
                node.put("notAfter", certificate.notAfter().toString());
                node.put("validAt", certificate.validAt(time));
                node.put("sha256", certificate.sha256Hex());
            }
            out.println(Json.pretty(document));
        } else {
            out.printf("%d Official Journal certificate%s in the %s (validity judged at %s):%n", certificates.size(),
                    certificates.size() == 1 ? "" : "s", source, time);
            int index = 1;
            for (Shown certificate : certificates) {
                out.printf("%n%d. %s%n", index++, certificate.subjectName());
                out.printf("   valid    %s to %s (%s)%n", certificate.notBefore(), certificate.notAfter(), validity(certificate, time));
                out.printf("   SHA-256  %s%n", certificate.sha256Hex());
            }
            out.printf("%nCompare each SHA-256 with the digest the Official Journal publication gives for it (docs/live-eu.md);%n"
                    + "trust the certificates only when every one matches.%n");
        }
        out.flush();
        return 0;
    }

    static String validity(Shown certificate, Instant time) {
        if (time.isBefore(certificate.notBefore())) {
            return "not yet valid";
        }
        return time.isAfter(certificate.notAfter()) ? "expired" : "valid";
    }

    /** What is shown of one certificate: the subject (RFC 2253), its validity and the SHA-256 of its DER encoding. */
    public record Shown(String subjectName, Instant notBefore, Instant notAfter, String sha256Hex) {

        public static Shown of(ServiceCertificate certificate) {
            X509Certificate x509 = certificate.toX509();
            return new Shown(x509.getSubjectX500Principal().getName(), x509.getNotBefore().toInstant(),
                    x509.getNotAfter().toInstant(), certificate.sha256Hex());
        }

        public boolean validAt(Instant time) {
            return !time.isBefore(notBefore) && !time.isAfter(notAfter);
        }
    }
}

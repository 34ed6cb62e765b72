package org.qtrust.cli.cert;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.adapters.xml.guice.XmlAdapterModule;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.cli.wiring.TrustedListsSession;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.policy.PlainTrustAnchor;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.policy.port.PolicyFormatException;
import org.qtrust.core.policy.port.VerificationPolicyReader;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;

/**
 * Assembles a certificate decision service from the command line: the policy (built-in name or
 * file, plus --trust-anchor files), the trusted lists (loaded when the policy uses them) and the
 * key index over them.
 *
 * @param service        the decision service
 * @param validationTime the validation time (--at, else the clock)
 * @param report         the list load report, when lists were loaded
 */
public record DecisionSetup(CertificateDecisionService service, Instant validationTime, java.util.Optional<TrustedListsReport> report) {

    public static final String EU_EIDAS = "eu-eidas";

    public static DecisionSetup open(ListOptions lists, String policyArgument, List<String> trustAnchors, Clock clock) {
        Instant time = lists.validationTime(clock);
        Injector adapters = Guice.createInjector(new XmlAdapterModule(), new CryptoAdapterModule());
        VerificationPolicy policy = policy(policyArgument, adapters.getInstance(VerificationPolicyReader.class));
        policy = policy.withAdditionalAnchors(anchors(trustAnchors, policy.jurisdiction()));
        if (policy.trustsNothing()) {
            throw new UsageException("policy " + policy.name() + " uses no trusted list and names no anchor: give --trust-anchor FILE");
        }
        if (policy.useTrustedLists() && lists.offline().isPresent()) {
            TrustedListsSession session = TrustedListsSession.open(lists, clock);
            TrustedListsReport report = session.load();
            CertificateInspector inspector = session.injector().getInstance(CertificateInspector.class);
            TrustedServiceIndex index = TrustedServiceIndex.fromReport(report, policy.plainAnchors(), inspector);
            return new DecisionSetup(new CertificateDecisionService(index, inspector, policy), time, java.util.Optional.of(report));
        }
        if (policy.useTrustedLists() && policy.plainAnchors().isEmpty()) {
            throw new UsageException("policy " + policy.name() + " uses the EU trusted lists: say where they are with --offline DIR");
        }
        CertificateInspector inspector = adapters.getInstance(CertificateInspector.class);
        TrustedServiceIndex index = TrustedServiceIndex.build(List.of(), policy.plainAnchors(), inspector);
        return new DecisionSetup(new CertificateDecisionService(index, inspector, policy), time, java.util.Optional.empty());
    }

    static VerificationPolicy policy(String argument, VerificationPolicyReader reader) {
        if (argument == null || EU_EIDAS.equals(argument)) {
            return VerificationPolicy.euEidas();
        }
        Path file = Path.of(argument);
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--policy " + argument + ": neither a built-in policy (" + EU_EIDAS + ") nor a policy file");
        }
        try {
            return reader.read(file);
        } catch (PolicyFormatException e) {
            throw new UsageException("--policy: " + e.getMessage());
        }
    }

    /** {@code [LABEL=]FILE}: a certificate (PEM or DER) that anchors paths; LABEL defaults to the policy's jurisdiction. */
    static List<PlainTrustAnchor> anchors(List<String> arguments, String jurisdiction) {
        List<PlainTrustAnchor> anchors = new ArrayList<>();
        for (String argument : arguments) {
            String label = jurisdiction;
            String path = argument;
            int equals = argument.indexOf('=');
            if (equals > 0 && !Files.exists(Path.of(argument))) {
                label = argument.substring(0, equals);
                path = argument.substring(equals + 1);
            }
            CertificateFiles.CertificateFile file = CertificateFiles.read(Path.of(path));
            try {
                ServiceCertificate certificate = ServiceCertificate.fromDer(file.certificate());
                String name = certificate.toX509().getSubjectX500Principal().getName();
                anchors.add(new PlainTrustAnchor(label, name, certificate));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--trust-anchor " + argument + ": not an X.509 certificate");
            }
        }
        return anchors;
    }
}

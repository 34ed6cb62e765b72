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
import org.qtrust.adapters.http.guice.HttpAdapterConfig;
import org.qtrust.adapters.http.guice.HttpAdapterModule;
import org.qtrust.adapters.ocsp.guice.OcspAdapterModule;
import org.qtrust.cli.options.HttpOptions;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.core.revocation.RevocationChecker;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.cli.wiring.TrustedListsSession;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.policy.PlainTrustAnchor;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.policy.port.PolicyFormatException;
import org.qtrust.core.policy.port.VerificationPolicyReader;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListsJudgement;
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

    /** Decisions without revocation checking (benchmarks, tools that only ask about lists). */
    public static DecisionSetup open(ListOptions lists, String policyArgument, List<String> trustAnchors, Clock clock) {
        return open(lists, policyArgument, trustAnchors, clock, java.util.Optional.of(RevocationMode.OFF), null);
    }

    /**
     * Decisions as {@code cert verify} makes them: revocation in the policy's mode unless
     * {@code revocationOverride} says otherwise, checked over the network the HTTP options describe.
     */
    public static DecisionSetup open(ListOptions lists, String policyArgument, List<String> trustAnchors, Clock clock,
                                     java.util.Optional<RevocationMode> revocationOverride, HttpOptions http) {
        return open(lists, policyArgument, trustAnchors, clock, revocationOverride, http, false);
    }

    /**
     * Decisions about the {@code x5c} chains of wallet credential issuers: the policy as
     * {@link VerificationPolicy#forCredentialIssuers()} turns it (the service types its
     * credential-issuer rules name, never CA/QC by default), revocation as {@code cert verify} checks it.
     */
    public static DecisionSetup openForCredentialIssuers(ListOptions lists, String policyArgument, List<String> trustAnchors,
                                                         Clock clock, java.util.Optional<RevocationMode> revocationOverride,
                                                         HttpOptions http) {
        return open(lists, policyArgument, trustAnchors, clock, revocationOverride, http, true);
    }

    private static DecisionSetup open(ListOptions lists, String policyArgument, List<String> trustAnchors, Clock clock,
                                      java.util.Optional<RevocationMode> revocationOverride, HttpOptions http,
                                      boolean credentialIssuers) {
        Instant time = lists.validationTime(clock);
        Injector adapters = Guice.createInjector(new XmlAdapterModule(), new CryptoAdapterModule());
        VerificationPolicy policy = policy(policyArgument, adapters.getInstance(VerificationPolicyReader.class));
        policy = policy.withAdditionalAnchors(anchors(trustAnchors, policy.jurisdiction()));
        if (credentialIssuers) {
            policy = policy.forCredentialIssuers();
        }
        if (revocationOverride.isPresent()) {
            policy = policy.withRevocation(revocationOverride.get());
        }
        java.util.Optional<RevocationChecker> checker = checker(policy.revocation(), http, lists, clock);
        if (policy.trustsNothing()) {
            throw new UsageException("policy " + policy.name() + " uses no trusted list and names no anchor: give --trust-anchor FILE");
        }
        // Lists are loaded when named (--offline/--cache) or when the policy has nothing else to trust.
        if (policy.useTrustedLists() && (lists.listsGiven() || policy.plainAnchors().isEmpty())) {
            TrustedListsSession session = TrustedListsSession.open(lists, clock);
            TrustedListsReport report = historical(session, lists, clock);
            CertificateInspector inspector = session.injector().getInstance(CertificateInspector.class);
            TrustedServiceIndex index = TrustedServiceIndex.fromReport(report, policy.plainAnchors(), inspector);
            return new DecisionSetup(new CertificateDecisionService(index, inspector, policy, checker, RevocationPolicy.defaults()), time, java.util.Optional.of(report));
        }
        CertificateInspector inspector = adapters.getInstance(CertificateInspector.class);
        TrustedServiceIndex index = TrustedServiceIndex.build(List.of(), policy.plainAnchors(), inspector);
        return new DecisionSetup(new CertificateDecisionService(index, inspector, policy, checker, RevocationPolicy.defaults()), time, java.util.Optional.empty());
    }

    /**
     * The OCSP/CRL checker {@code cert verify} uses, through the HTTP options and the egress rule of
     * the list options; none when the mode is off or no HTTP options are given (no network).
     */
    public static java.util.Optional<RevocationChecker> checker(RevocationMode mode, HttpOptions http, ListOptions lists, Clock clock) {
        return mode == RevocationMode.OFF || http == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(Guice.createInjector(
                        new HttpAdapterModule(HttpAdapterConfig.defaults().withTransport(http.transportConfig().withEgress(lists.egress()))),
                        new OcspAdapterModule(clock)).getInstance(RevocationChecker.class));
    }

    /**
     * The lists judged at the validation time — or, when it precedes the lists in hand (one was
     * issued after it), at the time they are used: now for the cache, the time the snapshot was
     * taken for an {@code --offline} folder ({@link ListsJudgement}). A snapshot's newest list may
     * only be seen once the LOTL is accepted: at most three loads.
     */
    static TrustedListsReport historical(TrustedListsSession session, ListOptions lists, Clock clock) {
        TrustedListsReport report = session.load();
        ListsJudgement.Source source = lists.offline().isPresent() ? ListsJudgement.Source.SNAPSHOT : ListsJudgement.Source.REFRESHED;
        for (int reload = 0; reload < 2; reload++) {
            java.util.Optional<Instant> again = ListsJudgement.judgeAgainAt(report, clock.instant(), source);
            if (again.isEmpty()) {
                break;
            }
            report = session.judgedAt(again.get()).load();
        }
        return report;
    }

    public static VerificationPolicy policy(String argument, VerificationPolicyReader reader) {
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

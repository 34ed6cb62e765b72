package org.qtrust.cli.credential;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.adapters.http.guice.HttpAdapterConfig;
import org.qtrust.adapters.http.guice.HttpAdapterModule;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.adapters.xml.guice.XmlAdapterModule;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.cert.DecisionSetup;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.cli.options.LoteOptions;
import org.qtrust.cli.wiring.LoteSession;
import org.qtrust.core.certificate.VerifyCertificate;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.credential.metadata.HttpIssuerMetadataSource;
import org.qtrust.core.credential.IssuerUrlRule;
import org.qtrust.core.credential.port.IssuerMetadataSource;
import org.qtrust.core.credential.mdoc.MdocVerificationService;
import org.qtrust.core.credential.mdoc.port.CborCodec;
import org.qtrust.core.credential.mdoc.port.CoseSignatures;
import org.qtrust.core.credential.port.JsonWebTokens;
import org.qtrust.core.credential.port.MalformedTokenException;
import org.qtrust.core.credential.port.StatusListSource;
import org.qtrust.core.credential.status.HttpStatusListSource;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.policy.CredentialIssuerPolicy;
import org.qtrust.core.policy.port.VerificationPolicyReader;
import org.qtrust.cli.options.HttpOptions;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.revocation.RevocationChecker;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.trustsource.IssuerTrustService;
import org.qtrust.core.trustsource.TrustSources;
import org.qtrust.core.transport.HttpTransport;

/**
 * Assembles a credential verifier from the command line: the issuer trust (an --issuer-key JWK,
 * or the x5c chain decided as {@code cert verify} decides certificates: policy, trusted lists,
 * --trust-anchor; or, with --lote, the issuer looked up on the lists of trusted entities and the
 * trusted lists the issuer-trust policy names for the credential's kind), and the network for issuer metadata and status lists (none with --no-fetch).
 * Close it to release the HTTP client.
 */
public final class CredentialSetup implements AutoCloseable {

    static final long MAX_JWK_BYTES = 64 * 1024;

    private final CredentialVerificationService service;
    private final MdocVerificationService mdoc;
    private final Optional<DecisionSetup> decisions;
    private final Optional<HttpClient5Transport> transport;
    private final CredentialIssuerPolicy rules;

    private CredentialSetup(CredentialVerificationService service, MdocVerificationService mdoc, Optional<DecisionSetup> decisions,
                            Optional<HttpClient5Transport> transport, CredentialIssuerPolicy rules) {
        this.service = service;
        this.mdoc = mdoc;
        this.decisions = decisions;
        this.transport = transport;
        this.rules = rules;
    }

    public static CredentialSetup open(Optional<Path> issuerKey, ListOptions lists, String policy, List<String> trustAnchors,
                                       boolean fetch, Clock clock) {
        return open(issuerKey, lists, new LoteOptions(), policy, trustAnchors, fetch, IssuerUrlRule.HTTPS_ONLY, clock);
    }

    /**
     * @param fetch        whether issuer metadata and status lists are fetched at all
     * @param issuerUrls where issuer metadata and status lists may be fetched from: https only, unless a sandbox on loopback is meant
     */
    public static CredentialSetup open(Optional<Path> issuerKey, ListOptions lists, LoteOptions lotes, String policy,
                                       List<String> trustAnchors, boolean fetch, IssuerUrlRule issuerUrls, Clock clock) {
        return open(issuerKey, lists, lotes, policy, trustAnchors, fetch, issuerUrls, clock, Optional.of(RevocationMode.OFF), null);
    }

    /**
     * As above, the issuer's certificate chain checked for revocation (issue 13.7) as {@code cert verify}
     * checks a certificate — in {@code revocation} (empty: the policy's mode) through the HTTP options —
     * on the trusted-list path and on the lists-of-trusted-entities path alike; never without fetching.
     */
    public static CredentialSetup open(Optional<Path> issuerKey, ListOptions lists, LoteOptions lotes, String policy,
                                       List<String> trustAnchors, boolean fetch, IssuerUrlRule issuerUrls, Clock clock,
                                       Optional<RevocationMode> revocation, HttpOptions httpOptions) {
        Optional<RevocationMode> chainRevocation = fetch ? revocation : Optional.of(RevocationMode.OFF);
        HttpOptions chainHttp = fetch ? httpOptions : null;
        Injector crypto = Guice.createInjector(new CryptoAdapterModule());
        JsonWebTokens jose = crypto.getInstance(JsonWebTokens.class);
        IssuerTrust trust;
        Optional<DecisionSetup> decisions = Optional.empty();
        // With --issuer-key nothing is looked up (no binding, no status): the EU defaults stand.
        CredentialIssuerPolicy rules = CredentialIssuerPolicy.euDefault();
        if (issuerKey.isPresent()) {
            if (!trustAnchors.isEmpty() || lists.offline().isPresent()) {
                throw new UsageException("--issuer-key verifies a plain SD-JWT with that key: it cannot be combined with --trust-anchor or --offline");
            }
            if (lotes.given()) {
                throw new UsageException("--issuer-key verifies a plain SD-JWT with that key: it cannot be combined with --lote");
            }
            trust = new IssuerTrust.FixedKey(readJwk(issuerKey.get(), jose));
        } else if (lotes.given()) {
            // The trusted lists join the lists of trusted entities only when named: --lote alone never fetches the LOTL,
            // and --cache names them only with their signers (the OJ options); otherwise it is where the LoTEs are cached.
            boolean trustedLists = lists.offline().isPresent() || (lists.cache().isPresent() && lists.officialJournalGiven());
            if (trustedLists || !trustAnchors.isEmpty()) {
                decisions = Optional.of(DecisionSetup.open(lists, policy, trustAnchors, clock));
            }
            VerificationPolicy verification = policyOf(decisions, policy);
            rules = verification.credentialIssuers();
            RevocationMode mode = chainRevocation.orElse(verification.revocation());
            trust = throughLists(lists, lotes, decisions, rules, clock, mode, DecisionSetup.checker(mode, chainHttp, lists, clock));
        } else {
            // Issue 13: the chain decided under the policy's credential-issuer rules (EAA/Q, EAA/Pub-EAA by default, never
            // CA/QC), and the service it ends at must hold the role the credential's kind needs.
            DecisionSetup setup = DecisionSetup.openForCredentialIssuers(lists, policy, trustAnchors, clock,
                    chainRevocation, chainHttp);
            decisions = Optional.of(setup);
            rules = setup.service().policy().credentialIssuers();
            trust = new IssuerTrust.CertificateChain(setup.service(), rules);
        }
        CborCodec cbor = crypto.getInstance(CborCodec.class);
        CoseSignatures cose = crypto.getInstance(CoseSignatures.class);
        if (!fetch) {
            return new CredentialSetup(CredentialVerificationService.offline(trust, jose),
                    MdocVerificationService.offline(trust, cbor, cose, jose), decisions, Optional.empty(), rules);
        }
        Injector http = Guice.createInjector(new HttpAdapterModule(HttpAdapterConfig.defaults().withTransport(
                TransportConfig.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20))
                        .withEgress(lists.egress()))));
        HttpClient5Transport client = http.getInstance(HttpClient5Transport.class);
        HttpTransport transport = http.getInstance(HttpTransport.class);
        IssuerMetadataSource metadata = new HttpIssuerMetadataSource(transport, jose, clock, HttpIssuerMetadataSource.DEFAULT_TTL,
                issuerUrls);
        HttpStatusListSource statusLists = new HttpStatusListSource(transport, clock, HttpStatusListSource.DEFAULT_TTL, issuerUrls,
                Optional.of(jose), Runnable::run);
        // Issue 18: an mdoc's status list may be a CWT; the same source reads its ttl/exp to bound its caching.
        return new CredentialSetup(new CredentialVerificationService(trust, jose, metadata, statusLists),
                new MdocVerificationService(trust, cbor, cose, jose, statusLists.readingCwtWith(cbor)),
                decisions, Optional.of(client), rules);
    }

    /**
     * The issuer looked up by kind, under the policy's credential-issuer rules (the EU defaults
     * unless its {@code credentialIssuers} says otherwise), on the --lote lists, judged at the
     * validation time, and on the trusted lists when loaded; status list tokens signed by an x5c
     * chain are decided as {@code cert verify} would, when that setup exists.
     */
    private static IssuerTrust throughLists(ListOptions lists, LoteOptions lotes, Optional<DecisionSetup> decisions,
                                            CredentialIssuerPolicy rules, Clock clock, RevocationMode mode,
                                            Optional<RevocationChecker> checker) {
        Injector adapters = Guice.createInjector(new XmlAdapterModule(), new CryptoAdapterModule());
        List<LoteVerdict> judged = LoteSession.load(lotes, adapters, lists.validationTime(clock), lists.expiryGrace(), lists.cache(), lists.egress());
        CertificateInspector inspector = adapters.getInstance(CertificateInspector.class);
        TrustSources sources = TrustSources.of(judged, decisions.flatMap(DecisionSetup::report), inspector);
        IssuerTrustService issuers = new IssuerTrustService(sources, rules.trust(), inspector, VerificationPolicy.ts119312(),
                checker, mode);
        return new IssuerTrust.TrustSourceLists(issuers, rules.kinds(),
                decisions.map(d -> (VerifyCertificate) d.service()), rules.binding());
    }

    /** The policy the decisions were set up with, when they were; else read here. */
    private static VerificationPolicy policyOf(Optional<DecisionSetup> decisions, String policyArgument) {
        return decisions.map(d -> d.service().policy())
                .orElseGet(() -> DecisionSetup.policy(policyArgument, Guice.createInjector(new XmlAdapterModule())
                        .getInstance(VerificationPolicyReader.class)));
    }

    @SuppressWarnings("unchecked")
    private static byte[] readJwk(Path file, JsonWebTokens jose) {
        try {
            if (Files.size(file) > MAX_JWK_BYTES) {
                throw new UsageException("--issuer-key " + file + ": larger than " + MAX_JWK_BYTES + " bytes, not a JWK");
            }
            String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (text.stripLeading().startsWith("-----BEGIN")) {
                throw new UsageException("--issuer-key " + file + ": a PEM file, not a JWK; give the public key as a JWK "
                        + "(a JSON object such as {\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":…,\"y\":…})");
            }
            Object parsed = jose.parseJson(text);
            if (!(parsed instanceof Map<?, ?>)) {
                throw new UsageException("--issuer-key " + file + ": not a JWK (a JSON object)");
            }
            return jose.publicKeyInfo((Map<String, Object>) parsed);
        } catch (IOException e) {
            throw new UsageException("--issuer-key " + file + ": cannot be read (" + e.getMessage() + ")");
        } catch (MalformedTokenException e) {
            throw new UsageException("--issuer-key " + file + ": " + e.getMessage());
        }
    }

    public CredentialVerificationService service() {
        return service;
    }

    /** The policy's rules for credential issuers: kinds, roles, the binding of iss and the status mode it asks for. */
    public CredentialIssuerPolicy issuerRules() {
        return rules;
    }

    /** The mdoc (ISO/IEC 18013-5) verifier over the same issuer trust and network. */
    public MdocVerificationService mdoc() {
        return mdoc;
    }

    /** The certificate decision setup, when the issuer is trusted through its chain. */
    public Optional<DecisionSetup> decisions() {
        return decisions;
    }

    @Override
    public void close() {
        transport.ifPresent(HttpClient5Transport::close);
    }
}

package org.qtrust.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.adapters.crypto.issuance.ClaimSet;
import org.qtrust.adapters.crypto.issuance.GeneratedIssuer;
import org.qtrust.adapters.crypto.issuance.IssuedSdJwt;
import org.qtrust.adapters.crypto.issuance.KeyBinding;
import org.qtrust.adapters.crypto.issuance.SdJwtIssuer;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.json.Json;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.credential.CredentialCheck;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.credential.CredentialVerdict;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.credential.port.JsonWebTokens;
import org.qtrust.core.policy.CredentialIssuerPolicy;
import org.qtrust.core.policy.CredentialKind;
import org.qtrust.core.policy.CredentialKindRule;
import org.qtrust.core.policy.PlainTrustAnchor;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.trustedlist.ServiceCertificate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qtrust bench credentials}: verifies one generated presentation over and over — 10
 * disclosures, an ES256 issuer signature with an x5c chain to a plain anchor, an ES256 KB-JWT —
 * on N threads, and reports verifications per second. Every verification parses the
 * presentation, verifies both signatures, processes the disclosures and checks key binding; the
 * chain decision is cached (the same chain at the same validation time), as in a verifier.
 */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "Verify a generated SD-JWT VC presentation (or, with --format mso_mdoc, an mdoc DeviceResponse) repeatedly; "
                + "report verifications per second.")
public final class BenchCredentialsCommand implements java.util.concurrent.Callable<Integer> {

    private static final String AUDIENCE = "https://verifier.bench.test";
    private static final String NONCE = "bench-nonce";

    @Option(names = "--seconds", defaultValue = "5",
            description = "Measured duration (default ${DEFAULT-VALUE}), after a warm-up that lasts until the rate is steady (4-20 s).")
    double seconds;

    @Option(names = "--max-warmup", paramLabel = "S", defaultValue = "20",
            description = "Longest warm-up in seconds (default ${DEFAULT-VALUE}); 0 measures from the first round.")
    double maxWarmupSeconds;

    @Option(names = "--threads", paramLabel = "N", description = "Threads verifying at once (default: the available processors).")
    Integer threads;

    @Option(names = "--json", description = "Print the figures as one JSON document.")
    boolean json;

    @Option(names = "--format", paramLabel = "dc+sd-jwt|mso_mdoc", defaultValue = "dc+sd-jwt",
            description = "What to verify: an SD-JWT VC (default) or an mdoc DeviceResponse (ISO/IEC 18013-5).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (seconds <= 0) {
            throw new UsageException("--seconds must be positive");
        }
        if (maxWarmupSeconds < 0 || maxWarmupSeconds > 600) {
            throw new UsageException("--max-warmup must be between 0 and 600 seconds");
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > 256) {
            throw new UsageException("--threads must be between 1 and 256");
        }
        if (!"dc+sd-jwt".equals(format) && !"mso_mdoc".equals(format)) {
            throw new UsageException("--format must be dc+sd-jwt or mso_mdoc");
        }
        Instant time = Clock.systemUTC().instant();
        boolean mdoc = "mso_mdoc".equals(format);
        java.util.function.Supplier<CredentialCode> verification = mdoc ? MdocBench.verification(time) : sdJwt(time);
        CredentialCode firstCode = verification.get();
        if (firstCode != CredentialCode.OK) {
            throw new IllegalStateException("the generated presentation does not verify: " + firstCode.code());
        }

        double warmupSeconds = warmUp(verification, workers, maxWarmupSeconds);
        LongAdder cpuNanos = new LongAdder();
        long start = System.nanoTime();
        long verifications = run(verification, workers, (long) (seconds * 1e9), cpuNanos);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = cpuNanos.sum() / 1e9;

        ObjectNode figures = Json.MAPPER.createObjectNode();
        figures.put("verificationsPerSecond", Math.round(verifications / elapsed));
        figures.put("threads", workers);
        figures.put("verifications", verifications);
        figures.put("seconds", Math.round(elapsed * 100) / 100.0);
        figures.put("warmupSeconds", Math.round(warmupSeconds * 100) / 100.0);
        // On a shared machine the wall-clock rate depends on the neighbours; the CPU figures do not.
        figures.put("cpuSeconds", Math.round(cpuSeconds * 100) / 100.0);
        figures.put("verificationsPerCpuSecond", cpuSeconds > 0 ? Math.round(verifications / cpuSeconds) : 0);
        if (mdoc) {
            figures.put("format", "mso_mdoc");
            figures.put("elements", MdocBench.ELEMENTS);
            figures.put("algorithms", "ES256 issuerAuth (x5chain DS + IACA), ES256 deviceSignature");
        } else {
            figures.put("disclosures", 10);
            figures.put("algorithms", "ES256 issuer (x5c), ES256 KB-JWT");
        }
        spec.commandLine().getOut().println(json ? Json.compact(figures) : Json.pretty(figures));
        return 0;
    }

    /** One SD-JWT VC verification: the generated presentation, its chain decided once and cached. */
    private static java.util.function.Supplier<CredentialCode> sdJwt(Instant time) {
        // Its certificate names the iss (SAN URI): the credentials' iss is bound to the key by the certificate (issue 13.2).
        GeneratedIssuer issuer = GeneratedIssuer.create("QTrust Bench", time, BENCH_ISS);
        Injector crypto = Guice.createInjector(new CryptoAdapterModule());
        CertificateInspector inspector = crypto.getInstance(CertificateInspector.class);
        // The bench's issuer ends at a plain anchor: its policy names the anchor source for its kind explicitly (issue 13).
        VerificationPolicy policy = VerificationPolicy.euEidas().withAdditionalAnchors(
                List.of(new PlainTrustAnchor("XX", "QTrust Bench Root", ServiceCertificate.of(issuer.root()))))
                .withCredentialIssuers(CredentialIssuerPolicy.anchorsFor(CredentialKindRule.euDefault(), CredentialKind.PID,
                        CredentialKind.ATTESTATION))
                .forCredentialIssuers();
        CertificateDecisionService decisions = new CertificateDecisionService(
                TrustedServiceIndex.build(List.of(), policy.plainAnchors(), inspector), inspector, policy);
        CredentialVerificationService verifier = CredentialVerificationService.offline(
                new IssuerTrust.CertificateChain(decisions), crypto.getInstance(JsonWebTokens.class));
        CredentialCheck check = CredentialCheck.of(presentation(issuer, time), time).forVerifier(AUDIENCE, NONCE);
        return () -> verifier.verify(check).code();
    }

    /**
     * Runs one-second rounds until the rate is steady — two successive rounds within 3 % of each
     * other, after at least {@value #MIN_WARMUP_ROUNDS} rounds — or the longest warm-up has passed.
     * The JIT keeps compiling Bouncy Castle's large field arithmetic methods for several seconds;
     * a fixed short warm-up would measure the compiler, not the verifier.
     */
    private static double warmUp(java.util.function.Supplier<CredentialCode> verification, int workers, double maxSeconds)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + (long) (maxSeconds * 1e9);
        long previous = -1;
        for (int round = 1; System.nanoTime() < deadline; round++) {
            long nanos = Math.min(1_000_000_000L, deadline - System.nanoTime());
            long count = run(verification, workers, nanos, new LongAdder());
            if (round >= MIN_WARMUP_ROUNDS && previous > 0 && Math.abs(count - previous) <= 0.03 * previous) {
                break;
            }
            previous = count;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static final int MIN_WARMUP_ROUNDS = 4;

    private static final String BENCH_ISS = "https://issuer.bench.test";

    /** A PID-like credential with 10 disclosable claims, all disclosed, bound to a fresh holder key. */
    private static String presentation(GeneratedIssuer issuer, Instant time) {
        GeneratedIssuer holder = GeneratedIssuer.create("QTrust Bench Holder", time);
        ClaimSet claims = ClaimSet.create()
                .claim("iss", BENCH_ISS).claim("vct", "urn:eudi:pid:1")
                .claim("iat", time.minusSeconds(3600).getEpochSecond()).claim("exp", time.plusSeconds(86_400).getEpochSecond())
                .claim("cnf", SdJwtIssuer.confirmation(holder.issuerKeys().getPublic()))
                .disclosable("given_name", "Erika").disclosable("family_name", "Mustermann")
                .disclosable("birthdate", "1964-08-12").disclosable("birth_place", "Berlin")
                .disclosable("nationality", "DE").disclosable("resident_city", "Köln")
                .disclosable("resident_postal_code", "51147").disclosable("resident_street", "Heidestraße 17")
                .disclosable("age_over_18", true).disclosable("issuing_authority", "DE");
        IssuedSdJwt credential = issuer.sdJwtIssuer().issue(claims);
        return KeyBinding.signedWith(holder.issuerKeys().getPrivate(), "ES256").audience(AUDIENCE).nonce(NONCE).issuedAt(time)
                .bind(credential.issuance());
    }

    private static long run(java.util.function.Supplier<CredentialCode> verification, int workers, long nanos, LongAdder cpuNanos)
            throws InterruptedException {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        LongAdder count = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<CredentialCode> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(workers);
        List<Thread> pool = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Thread thread = new Thread(() -> {
                long cpuStart = cpu.getCurrentThreadCpuTime();
                try {
                    while (!stop.get()) {
                        CredentialCode code = verification.get();
                        if (code != CredentialCode.OK) {
                            failure.set(code);
                        }
                        count.increment();
                    }
                } finally {
                    cpuNanos.add(cpu.getCurrentThreadCpuTime() - cpuStart);
                    done.countDown();
                }
            }, "bench-credentials-" + i);
            thread.setDaemon(true);
            pool.add(thread);
        }
        pool.forEach(Thread::start);
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        stop.set(true);
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException("a verification failed during the benchmark: " + failure.get().code());
        }
        return count.sum();
    }
}

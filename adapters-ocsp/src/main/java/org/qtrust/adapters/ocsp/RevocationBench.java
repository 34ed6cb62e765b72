package org.qtrust.adapters.ocsp;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.qtrust.core.revocation.RevocationOutcome;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.revocation.RevocationQuery;
import org.qtrust.core.revocation.RevocationSource;
import org.qtrust.core.revocation.RevocationStatus;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;

/**
 * The revocation benchmark ({@code qtrust bench revocation}): everything in memory, no network
 * (the CRL is served by an in-memory transport), so it measures this adapter's own cost.
 *
 * <ol>
 *   <li>Generates a test CA and a CRL of {@code crlEntries} entries (Bouncy Castle).</li>
 *   <li>Loads it the way a check does (parse, verify the signature against the CA, index by
 *       serial), cold then warm; and, for comparison, with the JDK's {@code X509CRL}.</li>
 *   <li>Looks serials up in the index and in the JDK's X509CRL.</li>
 *   <li>Runs revocation checks through the real checker: the first fetches and indexes the CRL,
 *       then (a) the same certificate again — answer cache; (b) many distinct certificates of
 *       the CA — CRL cache + index; on one thread and on all cores.</li>
 * </ol>
 * Returns figures; printing is the caller's business.
 */
public final class RevocationBench {

    /** What to measure. */
    public record Options(int crlEntries, int checks, int threads) {
        public Options {
            if (crlEntries < 1 || checks < 1 || threads < 1) {
                throw new IllegalArgumentException("crlEntries, checks and threads must be positive");
            }
        }

        public static Options defaults() {
            return new Options(100_000, 200_000, Math.max(1, Runtime.getRuntime().availableProcessors()));
        }
    }

    /**
     * The figures.
     *
     * @param crlEntries                      entries in the generated CRL
     * @param crlBytes                        its DER size
     * @param crlGenerateMs                   time to generate and sign it (Bouncy Castle)
     * @param crlLoadColdMs                   first load: parse + signature + index (includes JIT warm-up)
     * @param crlLoadWarmMs                   mean of two warm loads (other CRLs of the same size)
     * @param jdkCrlParseWarmMs               the same for the JDK's CertificateFactory.generateCRL (parse only)
     * @param jdkCrlVerifyWarmMs              the same for X509CRL.verify (signature only)
     * @param indexLookupNs                   mean time of one serial lookup in the index (hits and misses)
     * @param jdkLookupNs                     mean time of one X509CRL.getRevokedCertificate(serial)
     * @param firstCheckMs                    the first revocation check (fetch from memory + load + lookup)
     * @param cachedChecksPerSecond           same certificate, answer cache, one thread
     * @param crlCachedChecksPerSecond        distinct certificates, CRL cache + index, one thread
     * @param parallelCachedChecksPerSecond   same certificate, answer cache, {@code threads} threads
     * @param threads                         threads of the parallel run
     */
    public record Result(int crlEntries, int crlBytes, double crlGenerateMs, double crlLoadColdMs,
                         double crlLoadWarmMs, double jdkCrlParseWarmMs, double jdkCrlVerifyWarmMs,
                         double indexLookupNs, double jdkLookupNs, double firstCheckMs, double cachedChecksPerSecond,
                         double crlCachedChecksPerSecond, double parallelCachedChecksPerSecond, int threads) {

        /** Name → value, in a stable order (for JSON). */
        public Map<String, Number> asMap() {
            Map<String, Number> map = new LinkedHashMap<>();
            map.put("crlEntries", crlEntries);
            map.put("crlBytes", crlBytes);
            map.put("crlGenerateMs", round(crlGenerateMs));
            map.put("crlLoadColdMs", round(crlLoadColdMs));
            map.put("crlLoadWarmMs", round(crlLoadWarmMs));
            map.put("jdkCrlParseWarmMs", round(jdkCrlParseWarmMs));
            map.put("jdkCrlVerifyWarmMs", round(jdkCrlVerifyWarmMs));
            map.put("indexLookupNs", round(indexLookupNs));
            map.put("jdkLookupNs", round(jdkLookupNs));
            map.put("firstCheckMs", round(firstCheckMs));
            map.put("cachedChecksPerSecond", Math.round(cachedChecksPerSecond));
            map.put("crlCachedChecksPerSecond", Math.round(crlCachedChecksPerSecond));
            map.put("parallelCachedChecksPerSecond", Math.round(parallelCachedChecksPerSecond));
            map.put("threads", threads);
            return map;
        }

        private static double round(double value) {
            return Math.round(value * 10) / 10.0;
        }
    }

    private static final String CRL_URL = "http://crl.bench.invalid/ca.crl";

    private RevocationBench() {
    }

    public static Result run(Options options) {
        try {
            return measure(options);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | java.io.IOException | InterruptedException | ExecutionException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("revocation benchmark failed: " + e.getMessage(), e);
        }
    }

    private static Result measure(Options options) throws GeneralSecurityException,
            org.bouncycastle.operator.OperatorCreationException, java.io.IOException, InterruptedException,
            ExecutionException {
        Instant now = Instant.now();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair caKeys = generator.generateKeyPair();
        X500Name caName = new X500Name("CN=Bench CA,O=QTrust,C=EU");
        ContentSigner caSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate());
        JcaX509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), caName,
                caKeys.getPublic());
        caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        X509Certificate ca = new JcaX509CertificateConverter().getCertificate(caBuilder.build(caSigner));
        X509CertificateHolder caHolder = Bc.holder(ca);

        // The CRL: serials 1_000_000 + 2k for k < entries (so odd serials are never revoked). Three
        // variants (different thisUpdate) because the JDK's CertificateFactory caches parsed CRLs by
        // content: the JDK figures are measured on a CRL it has not seen.
        long start = System.nanoTime();
        byte[] crl = generateCrl(caName, caSigner, now, 0, options.crlEntries());
        double generateMs = millis(start);
        List<byte[]> variants = List.of(crl, generateCrl(caName, caSigner, now, 1, options.crlEntries()),
                generateCrl(caName, caSigner, now, 2, options.crlEntries()));

        // Loading: ours (parse + verify + index) vs the JDK's parse and verify.
        start = System.nanoTime();
        CrlSnapshot snapshot = CrlParser.parse(crl, caHolder, CRL_URL, List.of()).snapshot().orElseThrow();
        double loadColdMs = millis(start);
        List<Double> loads = new ArrayList<>();
        List<Double> jdkParses = new ArrayList<>();
        List<Double> jdkVerifies = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509CRL jdkCrl = null;
        for (int round = 0; round < variants.size(); round++) {
            byte[] variant = variants.get(round);
            start = System.nanoTime();
            snapshot = CrlParser.parse(variant, caHolder, CRL_URL, List.of()).snapshot().orElseThrow();
            double ours = millis(start);
            start = System.nanoTime();
            jdkCrl = (X509CRL) factory.generateCRL(new ByteArrayInputStream(variant));
            double jdkParse = millis(start);
            start = System.nanoTime();
            jdkCrl.verify(ca.getPublicKey());
            double jdkVerify = millis(start);
            if (round > 0) { // round 0 warms both up
                loads.add(ours);
                jdkParses.add(jdkParse);
                jdkVerifies.add(jdkVerify);
            }
        }

        // Lookups: half hits, half misses, random order.
        int lookups = 1_000_000;
        BigInteger[] serials = new BigInteger[4096];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < serials.length; i++) {
            serials[i] = BigInteger.valueOf(1_000_000L + random.nextInt(2 * options.crlEntries()));
        }
        Map<BigInteger, CrlSnapshot.Entry> index = snapshot.revoked();
        long found = 0;
        for (int warm = 0; warm < 2; warm++) {
            for (int i = 0; i < lookups; i++) {
                found += index.get(serials[i & 4095]) != null ? 1 : 0;
            }
        }
        start = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
            found += index.get(serials[i & 4095]) != null ? 1 : 0;
        }
        double indexLookupNs = (System.nanoTime() - start) / (double) lookups;
        int jdkLookups = 200_000;
        for (int i = 0; i < jdkLookups; i++) {
            found += jdkCrl.getRevokedCertificate(serials[i & 4095]) != null ? 1 : 0;
        }
        start = System.nanoTime();
        for (int i = 0; i < jdkLookups; i++) {
            found += jdkCrl.getRevokedCertificate(serials[i & 4095]) != null ? 1 : 0;
        }
        double jdkLookupNs = (System.nanoTime() - start) / (double) jdkLookups;
        if (found == 0) {
            throw new IllegalStateException("no serial found: the benchmark CRL is wrong");
        }

        // Checks through the checker, the CRL served from memory.
        HttpTransport memory = request -> new HttpExchange.Response(200,
                Map.of("Content-Type", List.of("application/pkix-crl")), crl, request.url());
        OcspCrlRevocationChecker checker = new OcspCrlRevocationChecker(memory, Clock.systemUTC());
        RevocationQuery query = RevocationQuery.at(now, RevocationPolicy.defaults()
                .withOrder(List.of(RevocationSource.CRL)));
        KeyPair leafKeys = generator.generateKeyPair();
        int distinctCertificates = Math.min(2_000, Math.max(10, options.checks() / 10));
        List<X509Certificate> leaves = new ArrayList<>();
        for (int i = 0; i < distinctCertificates; i++) {
            leaves.add(leaf(caName, caSigner, leafKeys, BigInteger.valueOf(1_000_000L + i), now));
        }
        start = System.nanoTime();
        RevocationOutcome first = checker.check(leaves.get(0), ca, query);
        double firstCheckMs = millis(start);
        if (first.status() != RevocationStatus.REVOKED) {
            throw new IllegalStateException("serial 1000000 should be revoked: " + first.trace());
        }
        X509Certificate same = leaves.get(1);
        double cached = rate(options.checks(), i -> checker.check(same, ca, query));
        double distinct = rate(options.checks(), i -> {
            if (i % distinctCertificates == 0) {
                checker.clearAnswers();
            }
            return checker.check(leaves.get(i % distinctCertificates), ca, query);
        });
        double parallel = parallelRate(options, () -> checker.check(same, ca, query));

        return new Result(options.crlEntries(), crl.length, generateMs, loadColdMs, median(loads), median(jdkParses),
                median(jdkVerifies), indexLookupNs, jdkLookupNs, firstCheckMs, cached, distinct, parallel,
                options.threads());
    }

    private static byte[] generateCrl(X500Name caName, ContentSigner signer, Instant now, int variant, int entries)
            throws java.io.IOException {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(caName, Date.from(now.minus(Duration.ofMinutes(5 + variant))));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
        Date revokedAt = Date.from(now.minus(Duration.ofDays(2)));
        for (int k = 0; k < entries; k++) {
            builder.addCRLEntry(BigInteger.valueOf(1_000_000L + 2L * k), revokedAt, CRLReason.superseded);
        }
        return builder.build(signer).getEncoded();
    }

    private static X509Certificate leaf(X500Name caName, ContentSigner signer, KeyPair keys, BigInteger serial,
                                        Instant now) throws GeneralSecurityException, java.io.IOException {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caName, serial,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
                new X500Name("CN=Bench leaf " + serial), keys.getPublic());
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(new GeneralNames(
                    new GeneralName(GeneralName.uniformResourceIdentifier, CRL_URL))), null, null)}));
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private interface Check {
        RevocationOutcome run(int i);
    }

    /** Checks per second over {@code checks} calls, after as many calls of warm-up. */
    private static double rate(int checks, Check check) {
        for (int i = 0; i < checks; i++) {
            verify(check.run(i));
        }
        long start = System.nanoTime();
        for (int i = 0; i < checks; i++) {
            verify(check.run(i));
        }
        return checks / ((System.nanoTime() - start) / 1e9);
    }

    private static double parallelRate(Options options, Callable<RevocationOutcome> check)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), runnable -> {
            Thread thread = new Thread(runnable, "qtrust-bench-revocation");
            thread.setDaemon(true);
            return thread;
        });
        try {
            int perThread = Math.max(1, options.checks() / options.threads());
            Callable<Void> task = () -> {
                for (int i = 0; i < perThread; i++) {
                    verify(check.call());
                }
                return null;
            };
            runAll(pool, task, options.threads()); // warm-up
            long start = System.nanoTime();
            runAll(pool, task, options.threads());
            return (double) perThread * options.threads() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runAll(ExecutorService pool, Callable<Void> task, int count)
            throws InterruptedException, ExecutionException {
        List<Future<Void>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(task));
        }
        for (Future<Void> future : futures) {
            future.get();
        }
    }

    private static void verify(RevocationOutcome outcome) {
        if (outcome.status() == RevocationStatus.UNKNOWN) {
            throw new IllegalStateException("benchmark check gave unknown: " + outcome.trace());
        }
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

}

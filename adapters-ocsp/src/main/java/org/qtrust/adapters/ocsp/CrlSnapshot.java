package org.qtrust.adapters.ocsp;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.GeneralName;
import org.qtrust.core.revocation.RevocationReason;
import org.qtrust.core.revocation.RevocationSource;

/**
 * A CRL that was fetched, verified against the issuing CA and indexed by serial number once.
 * Lookups are one hash-map probe, so a cached CRL of 100,000 entries costs the same per
 * certificate as one of ten.
 *
 * @param url          where it came from
 * @param thisUpdate   the CRL's thisUpdate
 * @param nextUpdate   the CRL's nextUpdate, when present
 * @param revoked      the entries by serial (entries for other issuers of an indirect CRL are left out); kept as
 *                     given, not copied (the parser hands over a map nobody else holds)
 * @param scope        what the CRL covers (issuingDistributionPoint)
 * @param expiredCertsOnCrl the CRL's ExpiredCertsOnCRL (2.5.29.60): it still lists revoked certificates that
 *                     expired at or after this instant
 * @param loadTrace    how it was fetched and verified
 */
record CrlSnapshot(String url, Instant thisUpdate, Optional<Instant> nextUpdate, Map<BigInteger, Entry> revoked,
                   Scope scope, Optional<Instant> expiredCertsOnCrl, List<String> loadTrace) {

    /** One revoked certificate; the reason is the CRLReason code, or -1 when none. */
    record Entry(long revokedAtEpochSecond, int revokedAtNanos, byte reason) {

        Instant revokedAt() {
            return Instant.ofEpochSecond(revokedAtEpochSecond, revokedAtNanos);
        }

        Optional<RevocationReason> reasonCode() {
            return reason < 0 ? Optional.empty() : RevocationReason.fromAsn1Code(reason);
        }
    }

    /**
     * The issuingDistributionPoint restrictions that matter for a lookup.
     *
     * @param pointNames        the IDP's distributionPoint fullName; empty when the IDP names no point (or there is no IDP)
     * @param relativePointName the IDP names its point relative to the CRL issuer (never matched: refused)
     */
    record Scope(boolean onlyUserCerts, boolean onlyCaCerts, boolean onlyAttributeCerts, boolean onlySomeReasons,
                 List<GeneralName> pointNames, boolean relativePointName) {
        static final Scope ALL = new Scope(false, false, false, false, List.of(), false);

        Scope {
            pointNames = List.copyOf(pointNames);
        }
    }

    CrlSnapshot {
        revoked = java.util.Collections.unmodifiableMap(revoked);
        loadTrace = List.copyOf(loadTrace);
    }

    int size() {
        return revoked.size();
    }

    /**
     * What this CRL says about one certificate of its issuer, fetched from the distribution point
     * with the given names (RFC 5280 §6.3.3 (b)).
     */
    Evidence lookup(BigInteger serial, boolean certificateIsCa, List<GeneralName> distributionPoint,
                    List<String> baseTrace) {
        java.util.ArrayList<String> trace = new java.util.ArrayList<>(baseTrace);
        // RFC 5280 §6.3.3 (b)(2)(i): a CRL scoped to a distribution point answers only for certificates of that point.
        if (scope.relativePointName()) {
            trace.add("CRL: " + url + " names its distribution point relative to the CRL issuer; it cannot be matched "
                    + "with the certificate's distribution point (RFC 5280 §6.3.3 (b)(2)(i)): not used");
            return Evidence.failed(RevocationSource.CRL, url, trace);
        }
        if (!scope.pointNames().isEmpty() && scope.pointNames().stream().noneMatch(distributionPoint::contains)) {
            trace.add("CRL: " + url + " covers the distribution point " + describe(scope.pointNames())
                    + ", not the certificate's " + describe(distributionPoint) + " (issuingDistributionPoint, RFC 5280 "
                    + "§6.3.3 (b)(2)(i)): a CRL of another partition is not this certificate's complete CRL");
            return Evidence.failed(RevocationSource.CRL, url, trace);
        }
        if (scope.onlyAttributeCerts() || scope.onlyUserCerts() && certificateIsCa
                || scope.onlyCaCerts() && !certificateIsCa) {
            trace.add("CRL: " + url + " does not cover this kind of certificate (issuingDistributionPoint: "
                    + (scope.onlyAttributeCerts() ? "attribute certificates only"
                    : scope.onlyUserCerts() ? "end-entity certificates only" : "CA certificates only") + ")");
            return Evidence.failed(RevocationSource.CRL, url, trace);
        }
        Entry entry = revoked.get(serial);
        if (entry != null) {
            Optional<RevocationReason> reason = entry.reasonCode();
            trace.add("CRL: serial " + serial.toString(16) + " is listed: revoked at " + entry.revokedAt() + " ("
                    + reason.map(RevocationReason::code).orElse("no reason given") + ")");
            return new Evidence(RevocationSource.CRL, Evidence.Kind.REVOKED, url, Optional.empty(),
                    Optional.of(thisUpdate), nextUpdate, Optional.of(entry.revokedAt()), reason, expiredCertsOnCrl, trace);
        }
        if (scope.onlySomeReasons()) {
            trace.add("CRL: serial " + serial.toString(16) + " is not listed, but the CRL covers only some reasons "
                    + "(onlySomeReasons): absence proves nothing");
            return Evidence.failed(RevocationSource.CRL, url, trace);
        }
        trace.add("CRL: serial " + serial.toString(16) + " is not among the " + revoked.size() + " entries"
                + (scope.pointNames().isEmpty() ? "" : " (the CRL's issuingDistributionPoint matches the certificate's)"));
        return new Evidence(RevocationSource.CRL, Evidence.Kind.GOOD, url, Optional.empty(), Optional.of(thisUpdate),
                nextUpdate, Optional.empty(), Optional.empty(), expiredCertsOnCrl, trace);
    }

    private static String describe(List<GeneralName> names) {
        return names.stream().map(n -> String.valueOf(n.getName())).toList().toString();
    }
}

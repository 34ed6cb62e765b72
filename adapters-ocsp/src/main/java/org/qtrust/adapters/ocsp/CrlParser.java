package org.qtrust.adapters.ocsp;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.TBSCertList;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Reads a CRL (DER, or PEM), checks it against the issuing CA and indexes it by serial number.
 * Only CRLs signed by the issuing CA's own key are accepted (indirect CRLs issued by another
 * authority, delta CRLs and CRLs with unknown critical extensions are refused).
 */
final class CrlParser {

    /** The result: a snapshot, or why there is none (in the trace). */
    record Parsed(Optional<CrlSnapshot> snapshot, List<String> trace) {
    }

    private static final Set<ASN1ObjectIdentifier> KNOWN_ENTRY_EXTENSIONS = Set.of(
            Extension.reasonCode, Extension.invalidityDate, Extension.certificateIssuer);

    private CrlParser() {
    }

    static Parsed parse(byte[] body, X509CertificateHolder issuer, String url, List<String> fetchTrace) {
        List<String> trace = new ArrayList<>(fetchTrace);
        byte[] der = body;
        CertificateList list;
        ASN1Sequence rawTbs;
        try {
            der = pemToDer(body);
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
            list = CertificateList.getInstance(primitive);
            rawTbs = ASN1Sequence.getInstance(ASN1Sequence.getInstance(primitive).getObjectAt(0));
            list.getTBSCertList().getIssuer();
            list.getThisUpdate();
        } catch (IOException | RuntimeException e) {
            trace.add("CRL: the body is not a CRL (" + body.length + " bytes, " + Bc.preview(body) + "): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
            return new Parsed(Optional.empty(), trace);
        }
        TBSCertList tbs = list.getTBSCertList();
        X500Name crlIssuer = tbs.getIssuer();
        if (!crlIssuer.equals(issuer.getSubject())) {
            trace.add("CRL: issued by '" + crlIssuer + "', not by the certificate's issuer '" + issuer.getSubject()
                    + "' (CRLs of another authority are not accepted)");
            return new Parsed(Optional.empty(), trace);
        }
        // RFC 5280 §6.3.3 (f): the CRL issuer's key must be allowed to sign CRLs when its keyUsage says what it may do.
        org.bouncycastle.asn1.x509.KeyUsage issuerUsage = org.bouncycastle.asn1.x509.KeyUsage.fromExtensions(issuer.getExtensions());
        if (issuerUsage != null && !issuerUsage.hasUsages(org.bouncycastle.asn1.x509.KeyUsage.cRLSign)) {
            trace.add("CRL: the issuing CA " + Bc.describe(issuer) + " has a keyUsage without cRLSign: it may not sign "
                    + "CRLs (RFC 5280 §6.3.3 (f)): refused");
            return new Parsed(Optional.empty(), trace);
        }
        Optional<String> signatureProblem = verifySignature(list, der, issuer);
        if (signatureProblem.isPresent()) {
            trace.add("CRL: " + signatureProblem.get());
            return new Parsed(Optional.empty(), trace);
        }
        trace.add("CRL: signature verifies with the issuing CA's key " + Bc.describe(issuer));

        Extensions extensions = tbs.getExtensions();
        CrlSnapshot.Scope scope = CrlSnapshot.Scope.ALL;
        boolean indirect = false;
        if (extensions != null && extensions.getExtension(Extension.deltaCRLIndicator) != null) {
            // RFC 5280 §5.2.4: a delta CRL lists only the changes since a base CRL. Refused however it is marked, so
            // it is never taken for a complete CRL (§6.3.3 (d) would need the base CRL as well).
            trace.add("CRL: a delta CRL (deltaCRLIndicator): only complete CRLs are used (RFC 5280 §5.2.4, §6.3.3 (d))");
            return new Parsed(Optional.empty(), trace);
        }
        if (extensions != null) {
            for (ASN1ObjectIdentifier oid : extensions.getCriticalExtensionOIDs()) {
                if (Extension.deltaCRLIndicator.equals(oid)) {
                    trace.add("CRL: a delta CRL (deltaCRLIndicator): only complete CRLs are used");
                    return new Parsed(Optional.empty(), trace);
                }
                if (!Extension.issuingDistributionPoint.equals(oid) && !Extension.expiredCertsOnCRL.equals(oid)) {
                    trace.add("CRL: unsupported critical extension " + oid + ": the CRL cannot be used");
                    return new Parsed(Optional.empty(), trace);
                }
            }
            Extension idpExtension = extensions.getExtension(Extension.issuingDistributionPoint);
            if (idpExtension != null) {
                IssuingDistributionPoint idp = IssuingDistributionPoint.getInstance(idpExtension.getParsedValue());
                List<GeneralName> pointNames = List.of();
                boolean relative = false;
                if (idp.getDistributionPoint() != null) {
                    if (idp.getDistributionPoint().getType() == org.bouncycastle.asn1.x509.DistributionPointName.FULL_NAME) {
                        pointNames = List.of(GeneralNames.getInstance(idp.getDistributionPoint().getName()).getNames());
                    } else {
                        relative = true;
                    }
                }
                scope = new CrlSnapshot.Scope(idp.onlyContainsUserCerts(), idp.onlyContainsCACerts(),
                        idp.onlyContainsAttributeCerts(), idp.getOnlySomeReasons() != null, pointNames, relative);
                indirect = idp.isIndirectCRL();
            }
        }
        Optional<Instant> expiredCertsOnCrl = Optional.empty();
        Extension expired = extensions == null ? null : extensions.getExtension(Extension.expiredCertsOnCRL);
        if (expired != null) {
            try {
                expiredCertsOnCrl = Optional.of(ASN1GeneralizedTime.getInstance(expired.getParsedValue()).getDate().toInstant());
                trace.add("CRL: ExpiredCertsOnCRL " + expiredCertsOnCrl.get() + " (2.5.29.60: revoked certificates that "
                        + "expired since then stay listed)");
            } catch (IllegalArgumentException | java.text.ParseException e) {
                trace.add("CRL: ExpiredCertsOnCRL unreadable: ignored (the CRL then proves nothing for expired certificates)");
            }
        }
        Instant thisUpdate = tbs.getThisUpdate().getDate().toInstant();
        Optional<Instant> nextUpdate = Optional.ofNullable(tbs.getNextUpdate()).map(t -> t.getDate().toInstant());
        if (nextUpdate.isPresent() && nextUpdate.get().isBefore(thisUpdate)) {
            trace.add("CRL: nextUpdate " + nextUpdate.get() + " precedes thisUpdate " + thisUpdate + ": refused");
            return new Parsed(Optional.empty(), trace);
        }

        Map<BigInteger, CrlSnapshot.Entry> index;
        int[] skipped = {0};
        try {
            ASN1Sequence entries = revokedCertificates(rawTbs);
            index = new HashMap<>(entries == null ? 16 : (int) Math.min(Integer.MAX_VALUE / 2, entries.size() * 4L / 3 + 1));
            Optional<String> problem = entries == null ? Optional.empty()
                    : index(entries, crlIssuer, indirect, index, skipped);
            if (problem.isPresent()) {
                trace.add("CRL: " + problem.get() + ": the CRL cannot be used");
                return new Parsed(Optional.empty(), trace);
            }
        } catch (RuntimeException e) {
            trace.add("CRL: an entry cannot be read (" + e.getClass().getSimpleName() + " " + e.getMessage()
                    + "): the CRL cannot be used");
            return new Parsed(Optional.empty(), trace);
        }
        trace.add("CRL: thisUpdate " + thisUpdate + ", nextUpdate " + nextUpdate.map(Instant::toString).orElse("none")
                + ", " + index.size() + " entries indexed"
                + (skipped[0] > 0 ? " (" + skipped[0] + " of other issuers skipped)" : ""));
        return new Parsed(Optional.of(new CrlSnapshot(url, thisUpdate, nextUpdate, index, scope, expiredCertsOnCrl, trace)), trace);
    }

    /** The revokedCertificates SEQUENCE OF of a TBSCertList, or null when the CRL lists none. */
    private static ASN1Sequence revokedCertificates(ASN1Sequence tbs) {
        int i = tbs.getObjectAt(0) instanceof ASN1Integer ? 1 : 0; // version
        i += 3; // signature, issuer, thisUpdate
        if (i < tbs.size() && isTime(tbs.getObjectAt(i))) {
            i++; // nextUpdate
        }
        if (i < tbs.size() && tbs.getObjectAt(i) instanceof ASN1Sequence revoked) {
            return revoked;
        }
        return null;
    }

    private static boolean isTime(ASN1Encodable value) {
        return value instanceof ASN1UTCTime || value instanceof ASN1GeneralizedTime
                || value instanceof org.bouncycastle.asn1.x509.Time;
    }

    /**
     * Indexes the entries straight from the ASN.1 (no per-entry Extensions table, no
     * SimpleDateFormat): a 100,000-entry CRL is read in tens of milliseconds. Returns a problem
     * that makes the whole CRL unusable, if any.
     */
    private static Optional<String> index(ASN1Sequence entries, X500Name crlIssuer, boolean indirect,
                                          Map<BigInteger, CrlSnapshot.Entry> index, int[] skipped) {
        X500Name entriesIssuer = crlIssuer;
        for (int n = 0, size = entries.size(); n < size; n++) {
            ASN1Sequence entry = ASN1Sequence.getInstance(entries.getObjectAt(n));
            BigInteger serial = ASN1Integer.getInstance(entry.getObjectAt(0)).getValue();
            Instant revokedAt = time(entry.getObjectAt(1).toASN1Primitive());
            byte reason = -1;
            if (entry.size() > 2) {
                ASN1Sequence extensions = ASN1Sequence.getInstance(entry.getObjectAt(2));
                for (int e = 0, count = extensions.size(); e < count; e++) {
                    ASN1Sequence extension = ASN1Sequence.getInstance(extensions.getObjectAt(e));
                    ASN1ObjectIdentifier oid = ASN1ObjectIdentifier.getInstance(extension.getObjectAt(0));
                    boolean critical = extension.size() == 3 && ASN1Boolean.getInstance(extension.getObjectAt(1)).isTrue();
                    byte[] value = ASN1OctetString.getInstance(extension.getObjectAt(extension.size() - 1)).getOctets();
                    if (Extension.reasonCode.equals(oid)) {
                        reason = reason(value);
                    } else if (Extension.certificateIssuer.equals(oid)) {
                        if (indirect) {
                            entriesIssuer = directoryName(GeneralNames.getInstance(value));
                        }
                    } else if (critical && !KNOWN_ENTRY_EXTENSIONS.contains(oid)) {
                        return Optional.of("an entry has an unsupported critical extension " + oid);
                    }
                }
            }
            if (!crlIssuer.equals(entriesIssuer)) {
                skipped[0]++;
                continue;
            }
            index.put(serial, new CrlSnapshot.Entry(revokedAt.getEpochSecond(), revokedAt.getNano(), reason));
        }
        return Optional.empty();
    }

    /** A CRLReason value: ENUMERATED, normally the three bytes 0A 01 nn. */
    private static byte reason(byte[] value) {
        if (value.length == 3 && value[0] == 0x0A && value[1] == 0x01) {
            return value[2];
        }
        return CRLReason.getInstance(value).getValue().byteValue();
    }

    /** A UTCTime or GeneralizedTime in its DER form, parsed by hand; anything else through Bouncy Castle. */
    static Instant time(ASN1Primitive time) {
        String text;
        int year;
        int at;
        if (time instanceof ASN1UTCTime utc) {
            text = utc.toString();
            if (text.length() != 13 || text.charAt(12) != 'Z') {
                return slowTime(time);
            }
            year = digits(text, 0, 2);
            year += year < 50 ? 2000 : 1900; // RFC 5280 §4.1.2.5.1
            at = 2;
        } else if (time instanceof ASN1GeneralizedTime generalized) {
            text = generalized.getTimeString();
            if (text.length() != 15 || text.charAt(14) != 'Z') {
                return slowTime(time);
            }
            year = digits(text, 0, 4);
            at = 4;
        } else {
            throw new IllegalArgumentException("not a time: " + time);
        }
        int month = digits(text, at, 2);
        int day = digits(text, at + 2, 2);
        int hour = digits(text, at + 4, 2);
        int minute = digits(text, at + 6, 2);
        int second = digits(text, at + 8, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return slowTime(time);
        }
        return java.time.LocalDateTime.of(year, month, day, hour, minute, second).toInstant(java.time.ZoneOffset.UTC);
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Instant slowTime(ASN1Primitive time) {
        return org.bouncycastle.asn1.x509.Time.getInstance(time).getDate().toInstant();
    }

    private static X500Name directoryName(GeneralNames names) {
        for (GeneralName name : names.getNames()) {
            if (name.getTagNo() == GeneralName.directoryName) {
                return X500Name.getInstance(name.getName());
            }
        }
        return X500Name.getInstance(new org.bouncycastle.asn1.DERSequence());
    }

    /**
     * Verifies the signature over the TBSCertList bytes exactly as received (no re-encoding of
     * a large list), with the algorithm the CRL names, against the issuing CA's key.
     */
    private static Optional<String> verifySignature(CertificateList list, byte[] der, X509CertificateHolder issuer) {
        if (!list.getSignatureAlgorithm().equals(list.getTBSCertList().getSignature())) {
            return Optional.of("the CRL's two signature algorithm identifiers differ: refused");
        }
        try {
            ContentVerifier verifier = Bc.verifier(issuer).get(list.getSignatureAlgorithm());
            try (OutputStream out = verifier.getOutputStream()) {
                int[] tbs = tbsRange(der);
                if (tbs != null) {
                    out.write(der, tbs[0], tbs[1]);
                } else {
                    list.getTBSCertList().encodeTo(out, "DER");
                }
            }
            if (!verifier.verify(list.getSignature().getOctets())) {
                return Optional.of("the signature does not verify with the issuing CA's key " + Bc.describe(issuer)
                        + " (signed by another key?): refused");
            }
            return Optional.empty();
        } catch (OperatorCreationException | IOException | RuntimeException e) {
            return Optional.of("the signature cannot be checked (" + e.getMessage() + "): refused");
        }
    }

    /** Offset and length of the TBSCertList inside a definite-length encoding; null when not found. */
    static int[] tbsRange(byte[] der) {
        int[] outer = header(der, 0);
        if (outer == null || der[0] != 0x30) {
            return null;
        }
        int tbsStart = outer[0];
        int[] inner = header(der, tbsStart);
        if (inner == null || der[tbsStart] != 0x30) {
            return null;
        }
        int length = inner[0] - tbsStart + inner[1];
        if (tbsStart + length > der.length) {
            return null;
        }
        return new int[] {tbsStart, length};
    }

    /** For the TLV at {@code offset}: {offset of its content, content length}; null for indefinite or bad lengths. */
    private static int[] header(byte[] der, int offset) {
        if (offset + 2 > der.length) {
            return null;
        }
        int first = der[offset + 1] & 0xff;
        if (first < 0x80) {
            return new int[] {offset + 2, first};
        }
        int count = first & 0x7f;
        if (count == 0 || count > 4 || offset + 2 + count > der.length) {
            return null;
        }
        long length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (der[offset + 2 + i] & 0xff);
        }
        if (length > Integer.MAX_VALUE) {
            return null;
        }
        return new int[] {offset + 2 + count, (int) length};
    }

    private static byte[] pemToDer(byte[] body) {
        int start = 0;
        while (start < body.length && Character.isWhitespace(body[start])) {
            start++;
        }
        if (start < body.length && body[start] == '-') {
            String text = new String(body, StandardCharsets.US_ASCII);
            int begin = text.indexOf("-----BEGIN X509 CRL-----");
            int end = text.indexOf("-----END X509 CRL-----");
            if (begin >= 0 && end > begin) {
                return Base64.getMimeDecoder().decode(text.substring(begin + "-----BEGIN X509 CRL-----".length(), end));
            }
        }
        return body;
    }
}

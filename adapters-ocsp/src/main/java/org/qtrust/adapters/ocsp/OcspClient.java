package org.qtrust.adapters.ocsp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.revocation.RevocationQuery;
import org.qtrust.core.revocation.RevocationReason;
import org.qtrust.core.revocation.RevocationSource;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.transport.TransportException;

/**
 * One OCSP exchange (RFC 6960) and every check on the response that does not depend on the
 * validation time. The result is {@link Evidence}; nothing here throws for what a server sends.
 */
final class OcspClient {

    static final String REQUEST_TYPE = "application/ocsp-request";
    static final String RESPONSE_TYPE = "application/ocsp-response";
    private static final int NONCE_BYTES = 32;
    /** RFC 5019 §5: GET for requests whose encoding (base64, URL-encoded) is under 255 bytes. */
    private static final int GET_LIMIT = 255;
    /** Certificates naming the responder whose key is tried against a response's signature, at most. */
    static final int MAX_RESPONDER_CANDIDATES = 4;
    private static final Set<ASN1ObjectIdentifier> REFUSED_SIGNATURES = Set.of(
            PKCSObjectIdentifiers.md2WithRSAEncryption, PKCSObjectIdentifiers.md5WithRSAEncryption);

    private final HttpTransport transport;
    private final SecureRandom random;

    OcspClient(HttpTransport transport, SecureRandom random) {
        this.transport = transport;
        this.random = random;
    }

    /** A trace collector that prefixes every line. */
    private static final class Lines {
        final List<String> lines = new ArrayList<>();
        /** The delegated responder that signed, when it has no id-pkix-ocsp-nocheck (its own status is to be checked). */
        X509CertificateHolder delegateToCheck;
        /** Why the exchange itself failed (no answer, HTTP error, empty or oversized body), when it did. */
        String fetchFailure;
        /** The response as the responder sent it (to share it with other replicas). */
        byte[] body;

        void add(String line) {
            lines.add("OCSP: " + line);
        }
    }

    /**
     * One OCSP answer, the delegated responder whose own revocation status must still be
     * checked before a "good" in it counts (RFC 6960 §4.2.2.2.1: no id-pkix-ocsp-nocheck), and,
     * for an answer, the DER response it was read from.
     *
     * @param fetchFailure why the exchange failed when the responder gave no usable HTTP answer at all
     *                     (remembered per URL by the checker); empty when it answered, well or badly
     * @param body         the DER response of an answer (to share it with other replicas, issue 17.4)
     */
    record Answer(Evidence evidence, Optional<X509CertificateHolder> delegateToCheck, Optional<String> fetchFailure,
                  Optional<byte[]> body) {
    }

    Answer fetch(BigInteger serial, X509CertificateHolder issuer, String url, RevocationQuery query) {
        Lines trace = new Lines();
        Evidence evidence = exchange(serial, issuer, url, query, trace);
        return answer(evidence, trace);
    }

    /**
     * An OCSP response read back from a shared store (issue 17.4): untrusted bytes, checked
     * exactly as a download is — size, signature and the responder's authority, CertID — except
     * the nonce, which belonged to another replica's request (the caller does not read the store
     * when the policy requires a nonce).
     */
    Answer stored(byte[] body, BigInteger serial, X509CertificateHolder issuer, String url, RevocationQuery query) {
        Lines trace = new Lines();
        trace.add("answer for " + url + " from the shared store (" + body.length + " bytes): checked as a fresh download");
        if (body.length > query.policy().ocspMaxBytes()) {
            trace.add("over the limit of " + query.policy().ocspMaxBytes() + " bytes for an OCSP response");
            return answer(Evidence.failed(RevocationSource.OCSP, url, trace.lines), trace);
        }
        trace.body = body;
        return answer(readResponse(body, issuer, serial, Optional.empty(), query, url, trace), trace);
    }

    private static Answer answer(Evidence evidence, Lines trace) {
        return evidence.isAnswer()
                ? new Answer(evidence, Optional.ofNullable(trace.delegateToCheck), Optional.ofNullable(trace.fetchFailure),
                        Optional.ofNullable(trace.body))
                : new Answer(evidence, Optional.empty(), Optional.ofNullable(trace.fetchFailure), Optional.empty());
    }

    private Evidence exchange(BigInteger serial, X509CertificateHolder issuer, String url, RevocationQuery query,
                              Lines trace) {
        RevocationPolicy policy = query.policy();

        CertificateID id;
        byte[] encodedRequest;
        Optional<byte[]> nonceValue = Optional.empty();
        try {
            id = new CertificateID(digest(policy.certIdHash()), issuer, serial);
            OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
            if (policy.nonce() != RevocationPolicy.NonceMode.OFF) {
                byte[] nonce = new byte[NONCE_BYTES];
                random.nextBytes(nonce);
                byte[] extnValue = new DEROctetString(nonce).getEncoded();
                nonceValue = Optional.of(extnValue);
                builder.setRequestExtensions(new Extensions(
                        new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, extnValue)));
            }
            OCSPReq request = builder.build();
            encodedRequest = request.getEncoded();
        } catch (OCSPException | OperatorCreationException | IOException e) {
            trace.add("could not build the request: " + e.getMessage());
            return Evidence.failed(RevocationSource.OCSP, url, trace.lines);
        }

        HttpExchange.Request request = httpRequest(url, encodedRequest, policy);
        trace.add(request.method() + " " + request.url().substring(0, Math.min(request.url().length(), 120))
                + (request.url().length() > 120 ? "…" : "") + " (" + policy.certIdHash() + " CertID, serial "
                + serial.toString(16) + (nonceValue.isPresent() ? ", nonce sent" : ", no nonce") + ")");
        HttpExchange.Response response;
        try {
            response = transport.send(request);
        } catch (TransportException e) {
            trace.add("no answer from " + url + ": " + e.reason() + " (could not fetch: " + e.reasonClass() + ")");
            trace.fetchFailure = "could not fetch: " + e.reasonClass();
            return Evidence.failed(RevocationSource.OCSP, url, trace.lines);
        }
        Optional<String> failure = checkHttp(response, policy.ocspMaxBytes(), RESPONSE_TYPE, "an OCSP response");
        if (failure.isPresent()) {
            trace.add(failure.get());
            trace.fetchFailure = failure.get();
            return Evidence.failed(RevocationSource.OCSP, url, trace.lines);
        }
        trace.body = response.body();
        return readResponse(response.body(), issuer, serial, nonceValue, query, url, trace);
    }

    private static HttpExchange.Request httpRequest(String url, byte[] encoded, RevocationPolicy policy) {
        if (policy.ocspGet()) {
            String path = URLEncoder.encode(Base64.getEncoder().encodeToString(encoded), StandardCharsets.US_ASCII);
            if (path.length() < GET_LIMIT) {
                String getUrl = (url.endsWith("/") ? url : url + "/") + path;
                return HttpExchange.Request.get(getUrl, policy.ocspMaxBytes()).withHeader("Accept", RESPONSE_TYPE)
                        .forPurpose(HttpExchange.Purpose.OCSP);
            }
        }
        return HttpExchange.Request.post(url, REQUEST_TYPE, encoded, policy.ocspMaxBytes())
                .withHeader("Accept", RESPONSE_TYPE).forPurpose(HttpExchange.Purpose.OCSP);
    }

    /** HTTP-level checks shared with CRL fetching: status, size, and a readable description of a wrong body. */
    static Optional<String> checkHttp(HttpExchange.Response response, long maxBytes, String expectedType, String what) {
        String type = response.header("Content-Type").orElse("none");
        if (!response.isSuccess()) {
            return Optional.of(response.finalUrl() + " answered HTTP " + response.status() + " (Content-Type " + type
                    + ", " + response.body().length + " bytes): no " + what.replaceFirst("^an? ", ""));
        }
        if (response.body().length > maxBytes) {
            return Optional.of(response.finalUrl() + " sent " + response.body().length + " bytes, over the limit of "
                    + maxBytes + " bytes for " + what);
        }
        if (response.body().length == 0) {
            return Optional.of(response.finalUrl() + " answered HTTP " + response.status() + " with an empty body");
        }
        return Optional.empty();
    }

    private Evidence readResponse(byte[] body, X509CertificateHolder issuer,
                                  BigInteger serial, Optional<byte[]> nonceValue, RevocationQuery query, String url,
                                  Lines trace) {
        OCSPResp response;
        BasicOCSPResp basic;
        try {
            response = new OCSPResp(body);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                trace.add("the responder refused to answer: status " + responseStatus(response.getStatus()));
                return Evidence.failed(RevocationSource.OCSP, url, trace.lines);
            }
            Object object = response.getResponseObject();
            if (!(object instanceof BasicOCSPResp)) {
                trace.add("the response is not a BasicOCSPResponse");
                return Evidence.failed(RevocationSource.OCSP, url, trace.lines);
            }
            basic = (BasicOCSPResp) object;
            basic.getProducedAt();
            basic.getResponses();
        } catch (IOException | OCSPException | RuntimeException e) {
            trace.add("the body is not an OCSP response (" + body.length + " bytes, " + Bc.preview(body) + "): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
            return Evidence.failed(RevocationSource.OCSP, url, trace.lines);
        }
        Instant producedAt = basic.getProducedAt().toInstant();

        if (!authorisedSigner(basic, issuer, query, producedAt, trace)) {
            return Evidence.failed(RevocationSource.OCSP, url, trace.lines);
        }

        SingleResp single = matchingResponse(basic, issuer, serial, trace);
        if (single == null) {
            return Evidence.failed(RevocationSource.OCSP, url, trace.lines);
        }

        if (!nonceAccepted(basic, nonceValue, query.policy().nonce(), trace)) {
            return Evidence.failed(RevocationSource.OCSP, url, trace.lines);
        }

        Instant thisUpdate = single.getThisUpdate().toInstant();
        Optional<Instant> nextUpdate = Optional.ofNullable(single.getNextUpdate()).map(java.util.Date::toInstant);
        if (nextUpdate.isPresent() && nextUpdate.get().isBefore(thisUpdate)) {
            trace.add("nextUpdate " + nextUpdate.get() + " precedes thisUpdate " + thisUpdate + ": response refused");
            return Evidence.failed(RevocationSource.OCSP, url, trace.lines);
        }
        trace.add("producedAt " + producedAt + ", thisUpdate " + thisUpdate + ", nextUpdate "
                + nextUpdate.map(Instant::toString).orElse("none"));

        Optional<Instant> archiveCutoff = archiveCutoff(single, trace);
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            trace.add("the responder says good");
            return new Evidence(RevocationSource.OCSP, Evidence.Kind.GOOD, url, Optional.of(producedAt),
                    Optional.of(thisUpdate), nextUpdate, Optional.empty(), Optional.empty(), archiveCutoff, trace.lines);
        }
        if (status instanceof RevokedStatus revoked) {
            Instant revokedAt = revoked.getRevocationTime().toInstant();
            Optional<RevocationReason> reason = Optional.empty();
            if (revoked.hasRevocationReason()) {
                reason = RevocationReason.fromAsn1Code(revoked.getRevocationReason());
            }
            trace.add("the responder says revoked at " + revokedAt + " ("
                    + reason.map(RevocationReason::code).orElse("no reason given") + ")");
            return new Evidence(RevocationSource.OCSP, Evidence.Kind.REVOKED, url, Optional.of(producedAt),
                    Optional.of(thisUpdate), nextUpdate, Optional.of(revokedAt), reason, archiveCutoff, trace.lines);
        }
        if (status instanceof UnknownStatus) {
            trace.add("the responder says unknown");
        } else {
            trace.add("unexpected certificate status " + status.getClass().getSimpleName());
        }
        return new Evidence(RevocationSource.OCSP, Evidence.Kind.UNKNOWN_TO_SOURCE, url, Optional.of(producedAt),
                Optional.of(thisUpdate), nextUpdate, Optional.empty(), Optional.empty(), archiveCutoff, trace.lines);
    }

    /**
     * The archiveCutoff singleExtension (RFC 6960 §4.4.4): the responder keeps the status of
     * certificates whose notAfter is at or after it. Unreadable → absent (it can only widen what
     * an answer proves, so ignoring it is the safe side).
     */
    private static Optional<Instant> archiveCutoff(SingleResp single, Lines trace) {
        Extension extension = single.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_archive_cutoff);
        if (extension == null) {
            return Optional.empty();
        }
        try {
            Instant cutoff = org.bouncycastle.asn1.ASN1GeneralizedTime.getInstance(extension.getParsedValue())
                    .getDate().toInstant();
            trace.add("archiveCutoff " + cutoff + " (RFC 6960 §4.4.4: the status of certificates that expired since then "
                    + "is kept)");
            return Optional.of(cutoff);
        } catch (IllegalArgumentException | java.text.ParseException e) {
            trace.add("archiveCutoff extension unreadable: ignored");
            return Optional.empty();
        }
    }

    /**
     * The response must be signed by the issuing CA, by a delegate the CA issued with
     * id-kp-OCSPSigning, or by a responder a trusted list lists for the CA. Candidates are the
     * ones the ResponderID names; the first whose key verifies the signature is judged.
     */
    private static boolean authorisedSigner(BasicOCSPResp basic, X509CertificateHolder issuer, RevocationQuery query,
                                            Instant producedAt, Lines trace) {
        if (REFUSED_SIGNATURES.contains(basic.getSignatureAlgOID())) {
            trace.add("the response is signed with a broken algorithm (" + basic.getSignatureAlgOID() + "): refused");
            return false;
        }
        ResponderID responderId = basic.getResponderId().toASN1Primitive();
        Set<X509CertificateHolder> candidates = new LinkedHashSet<>();
        candidates.add(issuer);
        candidates.addAll(Arrays.asList(basic.getCerts()));
        List<X509CertificateHolder> listed = new ArrayList<>();
        for (X509Certificate certificate : query.listedResponders()) {
            X509CertificateHolder holder = Bc.holder(certificate);
            listed.add(holder);
            candidates.add(holder);
        }
        boolean named = false;
        int tried = 0;
        for (X509CertificateHolder candidate : candidates) {
            if (!matches(responderId, candidate)) {
                continue;
            }
            named = true;
            Optional<String> keyProblem = Bc.keyProblem(candidate.getSubjectPublicKeyInfo());
            if (keyProblem.isPresent()) {
                trace.add("responder candidate " + Bc.describe(candidate) + " not tried: " + keyProblem.get()
                        + " (key limits, issue 14.11)");
                continue;
            }
            if (++tried > MAX_RESPONDER_CANDIDATES) {
                trace.add("more than " + MAX_RESPONDER_CANDIDATES + " certificates claim to be the responder: the rest "
                        + "are not tried (a bounded number of signature verifications per answer)");
                break;
            }
            if (!signatureVerifies(basic, candidate)) {
                continue;
            }
            return authorised(candidate, issuer, listed, producedAt, query.policy().tolerance(), trace);
        }
        if (!named) {
            trace.add("no certificate for the responder " + describe(responderId)
                    + " (neither the CA, nor in the response, nor listed): signature cannot be checked");
        } else {
            trace.add("the response signature does not verify with the key of the responder " + describe(responderId));
        }
        return false;
    }

    private static boolean authorised(X509CertificateHolder signer, X509CertificateHolder issuer,
                                      List<X509CertificateHolder> listed, Instant producedAt, Duration tolerance,
                                      Lines trace) {
        if (Bc.sameKey(signer.getSubjectPublicKeyInfo(), issuer.getSubjectPublicKeyInfo())) {
            trace.add("signature verifies; signed by the issuing CA " + Bc.describe(issuer));
            return true;
        }
        for (X509CertificateHolder responder : listed) {
            if (Bc.sameKey(signer.getSubjectPublicKeyInfo(), responder.getSubjectPublicKeyInfo())) {
                trace.add("signature verifies; signed by " + Bc.describe(signer)
                        + ", an OCSP responder a trusted list lists for this CA");
                return true;
            }
        }
        // A delegate: issued (and signed) by the CA, with id-kp-OCSPSigning, valid when the response was produced.
        if (!signer.getIssuer().equals(issuer.getSubject()) || !issuedBy(signer, issuer)) {
            trace.add("signature verifies, but the responder " + Bc.describe(signer)
                    + " is not authorised: not the CA, not issued by it, not listed for it");
            return false;
        }
        ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(signer.getExtensions());
        if (usage == null || !usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
            trace.add("the responder " + Bc.describe(signer)
                    + " is issued by the CA but lacks id-kp-OCSPSigning: not authorised to sign OCSP responses");
            return false;
        }
        Instant notBefore = signer.getNotBefore().toInstant();
        Instant notAfter = signer.getNotAfter().toInstant();
        if (producedAt.isBefore(notBefore.minus(tolerance)) || producedAt.isAfter(notAfter.plus(tolerance))) {
            trace.add("the delegated responder " + Bc.describe(signer) + " was not valid at producedAt " + producedAt
                    + " (" + notBefore + " to " + notAfter + ")");
            return false;
        }
        trace.add("signature verifies; signed by " + Bc.describe(signer)
                + ", a delegated responder issued by the CA with id-kp-OCSPSigning");
        if (signer.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck) != null) {
            trace.add("the delegated responder carries id-pkix-ocsp-nocheck: its own revocation status is not checked");
        } else {
            trace.add("the delegated responder has no id-pkix-ocsp-nocheck: its own revocation status is checked "
                    + "before a good answer from it counts (RFC 6960 §4.2.2.2.1)");
            trace.delegateToCheck = signer;
        }
        return true;
    }

    private static boolean issuedBy(X509CertificateHolder certificate, X509CertificateHolder issuer) {
        try {
            return certificate.isSignatureValid(Bc.verifier(issuer));
        } catch (org.bouncycastle.cert.CertException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean signatureVerifies(BasicOCSPResp basic, X509CertificateHolder candidate) {
        try {
            return basic.isSignatureValid(Bc.verifier(candidate));
        } catch (OCSPException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean matches(ResponderID id, X509CertificateHolder candidate) {
        if (id.getName() != null) {
            return id.getName().equals(candidate.getSubject());
        }
        byte[] keyHash = id.getKeyHash();
        return keyHash != null
                && Arrays.equals(keyHash, Bc.sha1(candidate.getSubjectPublicKeyInfo().getPublicKeyData().getBytes()));
    }

    private static String describe(ResponderID id) {
        return id.getName() != null ? "'" + id.getName() + "'"
                : "with key hash " + java.util.HexFormat.of().formatHex(id.getKeyHash() == null ? new byte[0] : id.getKeyHash());
    }

    /** The SingleResponse for this certificate: CertID recomputed with the hash algorithm each one uses. */
    private static SingleResp matchingResponse(BasicOCSPResp basic, X509CertificateHolder issuer, BigInteger serial,
                                               Lines trace) {
        SingleResp[] responses = basic.getResponses();
        for (SingleResp single : responses) {
            CertificateID answered = single.getCertID();
            if (!answered.getSerialNumber().equals(serial)) {
                continue;
            }
            try {
                DigestCalculator calculator = Bc.digests().get(new AlgorithmIdentifier(answered.getHashAlgOID()));
                CertificateID expected = new CertificateID(calculator, issuer, serial);
                if (Arrays.equals(expected.getIssuerNameHash(), answered.getIssuerNameHash())
                        && Arrays.equals(expected.getIssuerKeyHash(), answered.getIssuerKeyHash())) {
                    trace.add("CertID matches (" + hashName(answered.getHashAlgOID()) + ")");
                    return single;
                }
            } catch (OperatorCreationException | OCSPException e) {
                trace.add("CertID with unsupported hash " + answered.getHashAlgOID() + " ignored");
            }
        }
        trace.add("no SingleResponse has this certificate's CertID (serial " + serial.toString(16) + ", issuer name "
                + "and key hashes) among " + responses.length + ": response refused");
        return null;
    }

    private static boolean nonceAccepted(BasicOCSPResp basic, Optional<byte[]> sent, RevocationPolicy.NonceMode mode,
                                         Lines trace) {
        if (sent.isEmpty()) {
            return true;
        }
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed == null) {
            if (mode == RevocationPolicy.NonceMode.REQUIRE) {
                trace.add("the response does not echo the nonce and the policy requires it: refused");
                return false;
            }
            trace.add("the response carries no nonce (pre-produced response); accepted on its times");
            return true;
        }
        if (!Arrays.equals(echoed.getExtnValue().getOctets(), sent.get())) {
            trace.add("nonce mismatch: the response answers another request (replay?): refused");
            return false;
        }
        trace.add("nonce matches");
        return true;
    }

    private static DigestCalculator digest(RevocationPolicy.CertIdHash hash) throws OperatorCreationException {
        AlgorithmIdentifier algorithm = switch (hash) {
            case SHA1 -> CertificateID.HASH_SHA1; // with NULL parameters, as OpenSSL and most clients send it
            case SHA256 -> new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
        };
        return Bc.digests().get(algorithm);
    }

    private static String hashName(ASN1ObjectIdentifier oid) {
        if (OIWObjectIdentifiers.idSHA1.equals(oid)) {
            return "SHA-1";
        }
        if (NISTObjectIdentifiers.id_sha256.equals(oid)) {
            return "SHA-256";
        }
        if (NISTObjectIdentifiers.id_sha384.equals(oid)) {
            return "SHA-384";
        }
        if (NISTObjectIdentifiers.id_sha512.equals(oid)) {
            return "SHA-512";
        }
        return oid.getId();
    }

    private static String responseStatus(int status) {
        return switch (status) {
            case OCSPResp.MALFORMED_REQUEST -> "malformedRequest (1)";
            case OCSPResp.INTERNAL_ERROR -> "internalError (2)";
            case OCSPResp.TRY_LATER -> "tryLater (3)";
            case OCSPResp.SIG_REQUIRED -> "sigRequired (5)";
            case OCSPResp.UNAUTHORIZED -> "unauthorized (6)";
            default -> "unknown status " + status;
        };
    }
}

package org.qtrust.adapters.crypto.mdoc;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Base64;
import java.util.function.Supplier;
import org.qtrust.adapters.crypto.issuance.Salts;
import org.qtrust.adapters.crypto.pki.DeterministicSignatures;
import org.qtrust.adapters.crypto.sdjwt.JwsSignatures;
import org.qtrust.core.credential.mdoc.CoseAlgorithm;
import org.qtrust.core.credential.mdoc.SessionTranscript;
import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.credential.mdoc.port.CborCodec;

/**
 * Issues mdocs (ISO/IEC 18013-5) for the sandbox, the bench and tests: an IssuerSigned with its
 * MSO signed by a Document Signer key (x5chain in the unprotected header, as Annex D does), and a
 * DeviceResponse whose deviceSignature covers a session transcript. Salts come from the given
 * random source; nothing here is used to verify.
 */
public final class MdocIssuer {

    private final CborCodec cbor;
    private final PrivateKey signerKey;
    private final List<X509Certificate> chain;
    private final CoseAlgorithm algorithm;
    private final Supplier<byte[]> salts;
    private final boolean deterministic;

    /** Random salts (32 bytes) and the provider's randomised ECDSA: real issuance. */
    public MdocIssuer(CborCodec cbor, PrivateKey signerKey, List<X509Certificate> chain, CoseAlgorithm algorithm, SecureRandom random) {
        this(cbor, signerKey, chain, algorithm, () -> {
            byte[] salt = new byte[32];
            random.nextBytes(salt);
            return salt;
        }, false);
    }

    private MdocIssuer(CborCodec cbor, PrivateKey signerKey, List<X509Certificate> chain, CoseAlgorithm algorithm,
                       Supplier<byte[]> salts, boolean deterministic) {
        this.cbor = cbor;
        this.signerKey = signerKey;
        this.chain = List.copyOf(chain);
        this.algorithm = algorithm;
        this.salts = salts;
        this.deterministic = deterministic;
    }

    /**
     * Reproducible issuance for the sandbox: salts from {@code salts} (16 bytes each) and RFC 6979
     * ECDSA, so the same seed gives the same bytes. The salts are public: test data only.
     */
    public static MdocIssuer deterministic(CborCodec cbor, PrivateKey signerKey, List<X509Certificate> chain, CoseAlgorithm algorithm,
                                           Salts salts) {
        if (algorithm == CoseAlgorithm.EDDSA) {
            throw new IllegalArgumentException("deterministic issuance signs with ECDSA");
        }
        return new MdocIssuer(cbor, signerKey, chain, algorithm, () -> Base64.getUrlDecoder().decode(salts.next()), true);
    }

    /**
     * What to issue.
     *
     * @param docType         the document's docType (and the MSO's unless {@code msoDocType} differs)
     * @param msoDocType      the docType the MSO is signed for
     * @param elements        namespace → element → value
     * @param signed          validityInfo.signed (validFrom is the same)
     * @param validUntil      validityInfo.validUntil
     * @param deviceKey       the holder's public key (EC P-256/384/521)
     * @param authorizedNamespaces keyAuthorizations.nameSpaces
     * @param status          the MSO's status member, if any
     */
    public record Request(String docType, String msoDocType, Map<String, Map<String, Cbor>> elements, Instant signed,
                          Instant validUntil, PublicKey deviceKey, List<String> authorizedNamespaces, Optional<Cbor> status) {

        public static Request of(String docType, Map<String, Map<String, Cbor>> elements, Instant signed, Instant validUntil,
                                 PublicKey deviceKey) {
            return new Request(docType, docType, elements, signed, validUntil, deviceKey, List.of(), Optional.empty());
        }

        /** The same elements for another docType (document and MSO). */
        public Request withDocType(String type) {
            return new Request(type, type, elements, signed, validUntil, deviceKey, authorizedNamespaces, status);
        }

        public Request withMsoDocType(String type) {
            return new Request(docType, type, elements, signed, validUntil, deviceKey, authorizedNamespaces, status);
        }

        public Request withAuthorizedNamespaces(List<String> namespaces) {
            return new Request(docType, msoDocType, elements, signed, validUntil, deviceKey, namespaces, status);
        }

        /** draft-ietf-oauth-status-list §6.3: {@code status: {status_list: {idx, uri}}}. */
        public Request withStatusList(String uri, long index) {
            Map<Cbor, Cbor> list = new LinkedHashMap<>();
            list.put(Cbor.text("idx"), Cbor.integer(index));
            list.put(Cbor.text("uri"), Cbor.text(uri));
            return new Request(docType, msoDocType, elements, signed, validUntil, deviceKey, authorizedNamespaces,
                    Optional.of(new Cbor.Map(Map.of(Cbor.text("status_list"), new Cbor.Map(list)))));
        }
    }

    /** The IssuerSigned map {nameSpaces, issuerAuth}. */
    public Cbor.Map issue(Request request) {
        Map<Cbor, Cbor> nameSpaces = new LinkedHashMap<>();
        Map<Cbor, Cbor> valueDigests = new LinkedHashMap<>();
        long digestId = 0;
        MessageDigest sha256 = sha256();
        for (Map.Entry<String, Map<String, Cbor>> ns : request.elements().entrySet()) {
            List<Cbor> items = new ArrayList<>();
            Map<Cbor, Cbor> digests = new LinkedHashMap<>();
            for (Map.Entry<String, Cbor> element : ns.getValue().entrySet()) {
                byte[] salt = salts.get();
                Map<Cbor, Cbor> item = new LinkedHashMap<>();
                item.put(Cbor.text("digestID"), Cbor.integer(digestId));
                item.put(Cbor.text("random"), Cbor.bytes(salt));
                item.put(Cbor.text("elementIdentifier"), Cbor.text(element.getKey()));
                item.put(Cbor.text("elementValue"), element.getValue());
                Cbor embedded = Cbor.embedded(cbor.encode(new Cbor.Map(item)));
                items.add(embedded);
                digests.put(Cbor.integer(digestId), Cbor.bytes(sha256.digest(cbor.encode(embedded))));
                digestId++;
            }
            nameSpaces.put(Cbor.text(ns.getKey()), new Cbor.Array(items));
            valueDigests.put(Cbor.text(ns.getKey()), new Cbor.Map(digests));
        }
        Map<Cbor, Cbor> keyInfo = new LinkedHashMap<>();
        keyInfo.put(Cbor.text("deviceKey"), coseKey(request.deviceKey()));
        if (!request.authorizedNamespaces().isEmpty()) {
            keyInfo.put(Cbor.text("keyAuthorizations"), new Cbor.Map(Map.of(Cbor.text("nameSpaces"),
                    new Cbor.Array(request.authorizedNamespaces().stream().<Cbor>map(Cbor::text).toList()))));
        }
        Map<Cbor, Cbor> validity = new LinkedHashMap<>();
        validity.put(Cbor.text("signed"), tdate(request.signed()));
        validity.put(Cbor.text("validFrom"), tdate(request.signed()));
        validity.put(Cbor.text("validUntil"), tdate(request.validUntil()));
        Map<Cbor, Cbor> mso = new LinkedHashMap<>();
        mso.put(Cbor.text("version"), Cbor.text("1.0"));
        mso.put(Cbor.text("digestAlgorithm"), Cbor.text("SHA-256"));
        mso.put(Cbor.text("valueDigests"), new Cbor.Map(valueDigests));
        mso.put(Cbor.text("deviceKeyInfo"), new Cbor.Map(keyInfo));
        mso.put(Cbor.text("docType"), Cbor.text(request.msoDocType()));
        mso.put(Cbor.text("validityInfo"), new Cbor.Map(validity));
        request.status().ifPresent(status -> mso.put(Cbor.text("status"), status));
        byte[] payload = cbor.encode(Cbor.embedded(cbor.encode(new Cbor.Map(mso))));
        Cbor x5chain = x5chain();
        Map<Cbor, Cbor> issuerSigned = new LinkedHashMap<>();
        issuerSigned.put(Cbor.text("nameSpaces"), new Cbor.Map(nameSpaces));
        issuerSigned.put(Cbor.text("issuerAuth"), sign1(signerKey, algorithm, Map.of(Cbor.integer(33), x5chain), Optional.of(payload), payload));
        return new Cbor.Map(issuerSigned);
    }

    /**
     * A DeviceResponse with one document: its IssuerSigned, no device-signed elements, and a
     * deviceSignature by {@code deviceKey} over DeviceAuthentication for the transcript (§9.1.3).
     */
    public byte[] deviceResponse(String docType, Cbor.Map issuerSigned, PrivateKey deviceKey, CoseAlgorithm deviceAlgorithm,
                                 SessionTranscript transcript) {
        Cbor nameSpacesBytes = Cbor.embedded(cbor.encode(new Cbor.Map(Map.of())));
        byte[] deviceAuthentication = cbor.encode(Cbor.embedded(cbor.encode(Cbor.array(Cbor.text("DeviceAuthentication"),
                transcript.value(), Cbor.text(docType), nameSpacesBytes))));
        Cbor deviceSignature = sign1(deviceKey, deviceAlgorithm, Map.of(), Optional.empty(), deviceAuthentication);
        Map<Cbor, Cbor> deviceSigned = new LinkedHashMap<>();
        deviceSigned.put(Cbor.text("nameSpaces"), nameSpacesBytes);
        deviceSigned.put(Cbor.text("deviceAuth"), new Cbor.Map(Map.of(Cbor.text("deviceSignature"), deviceSignature)));
        Map<Cbor, Cbor> document = new LinkedHashMap<>();
        document.put(Cbor.text("docType"), Cbor.text(docType));
        document.put(Cbor.text("issuerSigned"), issuerSigned);
        document.put(Cbor.text("deviceSigned"), new Cbor.Map(deviceSigned));
        Map<Cbor, Cbor> response = new LinkedHashMap<>();
        response.put(Cbor.text("version"), Cbor.text("1.0"));
        response.put(Cbor.text("documents"), Cbor.array(new Cbor.Map(document)));
        response.put(Cbor.text("status"), Cbor.integer(0));
        return cbor.encode(new Cbor.Map(response));
    }

    /**
     * A Status List Token in its CWT form (draft-ietf-oauth-status-list §5.2), signed with this
     * issuer's key: protected header {alg, typ (16) application/statuslist+cwt[, x5chain (33)]},
     * claims {2: uri, 6: iat[, 4: exp][, 65534: ttl], 65533: {bits, lst (bstr)}}, tagged COSE_Sign1.
     *
     * @param withChain whether the issuer's certificate chain goes in the protected header
     */
    public byte[] statusListCwt(String uri, Instant issuedAt, Optional<Instant> expires, Optional<Long> ttl, boolean withChain,
                                int bits, int... statuses) {
        Map<Cbor, Cbor> claims = new LinkedHashMap<>();
        claims.put(Cbor.integer(2), Cbor.text(uri));
        claims.put(Cbor.integer(6), Cbor.integer(issuedAt.getEpochSecond()));
        expires.ifPresent(time -> claims.put(Cbor.integer(4), Cbor.integer(time.getEpochSecond())));
        ttl.ifPresent(seconds -> claims.put(Cbor.integer(65534), Cbor.integer(seconds)));
        Map<Cbor, Cbor> list = new LinkedHashMap<>();
        list.put(Cbor.text("bits"), Cbor.integer(bits));
        list.put(Cbor.text("lst"), Cbor.bytes(Base64.getUrlDecoder().decode(
                org.qtrust.adapters.crypto.issuance.StatusListTokens.lst(bits, statuses))));
        claims.put(Cbor.integer(65533), new Cbor.Map(list));
        byte[] payload = cbor.encode(new Cbor.Map(claims));
        Map<Cbor, Cbor> header = new LinkedHashMap<>();
        header.put(Cbor.integer(1), Cbor.integer(algorithm.id()));
        header.put(Cbor.integer(16), Cbor.text("application/statuslist+cwt"));
        if (withChain) {
            header.put(Cbor.integer(33), x5chain());
        }
        byte[] protectedBytes = cbor.encode(new Cbor.Map(header));
        byte[] toBeSigned = cbor.encode(Cbor.array(Cbor.text("Signature1"), Cbor.bytes(protectedBytes), Cbor.bytes(new byte[0]),
                Cbor.bytes(payload)));
        byte[] signature = deterministic ? DeterministicSignatures.jwsSignature(signerKey, algorithm.joseName(), toBeSigned)
                : sign(signerKey, algorithm, toBeSigned);
        return cbor.encode(new Cbor.Tagged(Cbor.COSE_SIGN1, Cbor.array(Cbor.bytes(protectedBytes), new Cbor.Map(Map.of()),
                Cbor.bytes(payload), Cbor.bytes(signature))));
    }

    /** RFC 9360 x5chain: one certificate as a byte string, several as an array. */
    private Cbor x5chain() {
        List<Cbor> certificates = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            try {
                certificates.add(Cbor.bytes(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return certificates.size() == 1 ? certificates.get(0) : new Cbor.Array(certificates);
    }

    private Cbor sign1(PrivateKey key, CoseAlgorithm alg, Map<Cbor, Cbor> unprotected, Optional<byte[]> payload, byte[] signedPayload) {
        return sign1(key, alg, unprotected, payload, signedPayload, deterministic);
    }

    private Cbor sign1(PrivateKey key, CoseAlgorithm alg, Map<Cbor, Cbor> unprotected, Optional<byte[]> payload, byte[] signedPayload,
                       boolean reproducible) {
        byte[] protectedBytes = cbor.encode(new Cbor.Map(Map.of(Cbor.integer(1), Cbor.integer(alg.id()))));
        byte[] toBeSigned = cbor.encode(Cbor.array(Cbor.text("Signature1"), Cbor.bytes(protectedBytes), Cbor.bytes(new byte[0]),
                Cbor.bytes(signedPayload)));
        return Cbor.array(Cbor.bytes(protectedBytes), new Cbor.Map(unprotected),
                payload.<Cbor>map(Cbor::bytes).orElse(Cbor.NULL),
                Cbor.bytes(reproducible ? DeterministicSignatures.jwsSignature(key, alg.joseName(), toBeSigned) : sign(key, alg, toBeSigned)));
    }

    private static byte[] sign(PrivateKey key, CoseAlgorithm alg, byte[] data) {
        String jca = switch (alg) {
            case ES256 -> "SHA256withPLAIN-ECDSA";
            case ES384 -> "SHA384withPLAIN-ECDSA";
            case ES512 -> "SHA512withPLAIN-ECDSA";
            case EDDSA -> "EdDSA";
        };
        try {
            Signature signature = Signature.getInstance(jca, JwsSignatures.BOUNCY_CASTLE);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + alg, e);
        }
    }

    /** RFC 9053 §7.1: an EC2 COSE_Key {1: 2, -1: crv, -2: x, -3: y}. */
    public static Cbor.Map coseKey(PublicKey key) {
        if (!(key instanceof ECPublicKey ec)) {
            throw new IllegalArgumentException("device keys here are EC keys");
        }
        int bits = ec.getParams().getCurve().getField().getFieldSize();
        int size = (bits + 7) / 8;
        long crv = bits == 256 ? 1 : bits == 384 ? 2 : 3;
        Map<Cbor, Cbor> map = new LinkedHashMap<>();
        map.put(Cbor.integer(1), Cbor.integer(2));
        map.put(Cbor.integer(-1), Cbor.integer(crv));
        map.put(Cbor.integer(-2), Cbor.bytes(fixed(ec.getW().getAffineX().toByteArray(), size)));
        map.put(Cbor.integer(-3), Cbor.bytes(fixed(ec.getW().getAffineY().toByteArray(), size)));
        return new Cbor.Map(map);
    }

    private static byte[] fixed(byte[] unsigned, int size) {
        byte[] out = new byte[size];
        int from = Math.max(0, unsigned.length - size);
        System.arraycopy(unsigned, from, out, size - (unsigned.length - from), unsigned.length - from);
        return out;
    }

    /** tdate without fractions (ISO/IEC 18013-5 §9.1.2.4). */
    public static Cbor tdate(Instant time) {
        return new Cbor.Tagged(Cbor.DATE_TIME, Cbor.text(time.truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    /** full-date (RFC 8943, tag 1004). */
    public static Cbor fullDate(String date) {
        return new Cbor.Tagged(Cbor.FULL_DATE, Cbor.text(date));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.qtrust.core.credential.mdoc;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.certificate.VerdictCode;
import org.qtrust.core.credential.ChainDecisions;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.credential.CredentialStatusMode;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.JoseRules;
import org.qtrust.core.credential.CredentialVerdict;
import org.qtrust.core.credential.IssuerRole;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.credential.mdoc.cbor.CborLimits;
import org.qtrust.core.credential.mdoc.cbor.MalformedCborException;
import org.qtrust.core.credential.mdoc.port.CborCodec;
import org.qtrust.core.credential.mdoc.port.CoseSignatures;
import org.qtrust.core.credential.port.JsonWebTokens;
import org.qtrust.core.credential.port.MalformedTokenException;
import org.qtrust.core.credential.port.SignedJwt;
import org.qtrust.core.credential.port.StatusListSource;
import org.qtrust.core.credential.status.StatusList;
import org.qtrust.core.credential.status.StatusListFetch;
import org.qtrust.core.credential.status.StatusReference;
import org.qtrust.core.policy.CredentialKind;
import org.qtrust.core.policy.CredentialKindRule;
import org.qtrust.core.trustsource.IssuerKey;
import org.qtrust.core.trustsource.IssuerTrustQuery;
import org.qtrust.core.trustsource.IssuerTrustVerdict;

/**
 * Verifies an mdoc (ISO/IEC 18013-5 mso_mdoc) step by step (docs/credentials.md, "mdoc"): the
 * CBOR envelope read under strict limits, issuer authentication (issuerAuth COSE_Sign1 by a
 * Document Signer certificate trusted through the same trust sources as SD-JWT VCs, Annex B
 * checks), the MSO (docType, validity, digests of every disclosed element), device
 * authentication over the verifier's session transcript, and the status list entry. The first
 * failing step decides the code. Thread-safe.
 */
public final class MdocVerificationService implements VerifyMdoc {

    /** ISO/IEC 18013-5 Annex B.1.4: the Document Signer certificate's extended key usage. */
    public static final String DS_EXTENDED_KEY_USAGE = "1.0.18013.5.1.2";
    /** ISO/IEC 18013-5 §9.1.2.4: at least 16 bytes of random salt per element. */
    public static final int MIN_RANDOM = 16;
    /** The EUDI PID docType namespace (ARF Annex 3.1 PID rulebook): a PID whatever the kind rule says of other types. */
    public static final String PID_DOC_TYPE_PREFIX = "eu.europa.ec.eudi.pid.";
    /** The mDL docType (ISO/IEC 18013-5 §7.1; ARF Annex 3.02 mDL rulebook): an mDL whatever the kind rule says. */
    public static final String MDL_DOC_TYPE = "org.iso.18013.5.1.mDL";
    public static final String STATUS_LIST_TYPE = "statuslist+jwt";

    private final IssuerTrust trust;
    private final CborCodec cbor;
    private final CoseSignatures cose;
    private final JsonWebTokens jose;
    private final StatusListSource statusLists;
    private final Optional<ChainDecisions> chains;
    private static final int MAX_PARSED_CHAINS = 1024;
    private final Map<String, Optional<List<X509Certificate>>> parsedChains = new java.util.concurrent.ConcurrentHashMap<>();

    public MdocVerificationService(IssuerTrust trust, CborCodec cbor, CoseSignatures cose, JsonWebTokens jose,
                                   StatusListSource statusLists) {
        this.trust = Objects.requireNonNull(trust);
        this.cbor = Objects.requireNonNull(cbor);
        this.cose = Objects.requireNonNull(cose);
        this.jose = Objects.requireNonNull(jose);
        this.statusLists = Objects.requireNonNull(statusLists);
        if (trust instanceof IssuerTrust.CertificateChain chain) {
            this.chains = Optional.of(new ChainDecisions(chain.decisions()));
        } else if (trust instanceof IssuerTrust.TrustSourceLists lists) {
            this.chains = lists.statusListChains().map(ChainDecisions::new);
        } else {
            this.chains = Optional.empty();
        }
    }

    /** Without network: the status list is not fetched (the trace says so). */
    public static MdocVerificationService offline(IssuerTrust trust, CborCodec cbor, CoseSignatures cose, JsonWebTokens jose) {
        return new MdocVerificationService(trust, cbor, cose, jose, StatusListSource.offline());
    }

    /** The outcome so far; {@link #reject} ends it. */
    private static final class Progress {
        final List<String> trace = new ArrayList<>();
        Optional<String> docType = Optional.empty();
        Optional<String> issuer = Optional.empty();
        Map<String, Map<String, Object>> elements = Map.of();
        boolean deviceBound;
        Optional<MdocVerdict.Validity> validity = Optional.empty();
        Optional<String> status = Optional.empty();
        Optional<CertificateVerdict> certificate = Optional.empty();
        Optional<String> trustSource = Optional.empty();
        Optional<IssuerTrustVerdict> issuerTrust = Optional.empty();

        MdocVerdict reject(CredentialCode code, String why) {
            trace.add(why);
            trace.add("verdict: not valid (" + code.code() + ")");
            // Fail closed: elements of an mdoc that is not valid are not handed out.
            return new MdocVerdict(false, code, docType, issuer, Map.of(), deviceBound, validity, status, certificate,
                    trustSource, issuerTrust, trace);
        }

        MdocVerdict accept() {
            trace.add("verdict: valid");
            return new MdocVerdict(true, CredentialCode.OK, docType, issuer, elements, deviceBound, validity, status,
                    certificate, trustSource, issuerTrust, trace);
        }
    }

    /** The parts of one document. */
    private record Document(Optional<String> docType, Cbor.Map issuerSigned, Optional<Cbor.Map> deviceSigned) {
    }

    /**
     * The Document Signer's {@code x5chain} (RFC 9360 §2) of a presentation, leaf first, read with
     * the envelope's limits only to choose which list an on-miss refresh asks for (issue 19.1):
     * nothing in it is trusted. Empty when the presentation has no readable chain.
     */
    public static Optional<List<byte[]>> issuerChain(CborCodec cbor, byte[] presentation) {
        try {
            Document document = document(cbor.decode(presentation, CborLimits.ENVELOPE), new Progress());
            return CoseSign1.read(CborRead.required(document.issuerSigned(), "issuerAuth", "IssuerSigned"), cbor, "issuerAuth")
                    .x5chain().filter(chain -> !chain.isEmpty());
        } catch (MalformedCborException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public MdocVerdict verify(MdocCheck check) {
        Progress p = new Progress();
        Instant time = check.validationTime();
        p.trace.add("validation time " + time + ", clock skew " + check.clockSkew().toSeconds() + " s, mdoc (ISO/IEC 18013-5 mso_mdoc)");

        // 1. The envelope (ISO/IEC 18013-5 §8.3.2.1.2.2 DeviceResponse, or §9.1.2.4 IssuerSigned alone).
        Document document;
        CoseSign1 issuerAuth;
        MobileSecurityObject mso;
        CoseAlgorithm algorithm;
        try {
            document = document(cbor.decode(check.presentation(), CborLimits.ENVELOPE), p);
            issuerAuth = CoseSign1.read(CborRead.required(document.issuerSigned(), "issuerAuth", "IssuerSigned"), cbor, "issuerAuth");
            byte[] payload = issuerAuth.payload().orElseThrow(() -> new MalformedCborException("issuerAuth has no payload (the MSO)"));
            // §9.1.2.4: the payload is MobileSecurityObjectBytes = #6.24(bstr .cbor MobileSecurityObject).
            byte[] msoBytes = CborRead.embedded(cbor.decode(payload, CborLimits.EMBEDDED), "the issuerAuth payload");
            mso = MobileSecurityObject.read(cbor.decode(msoBytes, CborLimits.EMBEDDED));
            long alg = issuerAuth.algorithmId();
            Optional<CoseAlgorithm> known = CoseAlgorithm.of(alg);
            if (known.isEmpty()) {
                return p.reject(CredentialCode.INVALID_SIGNATURE, "signature: issuerAuth algorithm " + alg
                        + " is not allowed (ES256 -7, ES384 -35, ES512 -36, EdDSA -8)");
            }
            algorithm = known.get();
        } catch (MalformedCborException e) {
            return p.reject(CredentialCode.MALFORMED_CREDENTIAL, "form: " + e.getMessage());
        }
        if (p.docType.isEmpty()) {
            p.docType = Optional.of(mso.docType());
        }
        p.validity = Optional.of(new MdocVerdict.Validity(mso.signed(), mso.validFrom(), mso.validUntil()));
        p.trace.add("form: docType " + p.docType.get() + ", MSO " + mso.version() + " with " + mso.digestAlgorithm()
                + ", issuerAuth " + algorithm.joseName());

        // 2. The issuer key: the Document Signer certificate (x5chain, RFC 9360) trusted like any issuer, or the key given.
        byte[] issuerKey;
        Optional<X509Certificate> documentSigner = Optional.empty();
        Optional<List<byte[]>> issuerChain = Optional.empty();
        if (trust instanceof IssuerTrust.FixedKey fixed) {
            issuerKey = fixed.subjectPublicKeyInfo();
            p.trustSource = Optional.of(CredentialVerdict.SOURCE_KEY);
            p.trace.add("issuer key: given out of band (no certificate chain, no list)");
        } else {
            List<byte[]> chain;
            try {
                Optional<List<byte[]>> x5chain = issuerAuth.x5chain();
                if (x5chain.isEmpty()) {
                    return p.reject(CredentialCode.MISSING_CERTIFICATE_CHAIN, "x5chain: issuerAuth carries no Document Signer certificate (label 33)");
                }
                chain = x5chain.get();
            } catch (MalformedCborException e) {
                return p.reject(CredentialCode.MALFORMED_CREDENTIAL, "x5chain: " + e.getMessage());
            }
            Optional<List<X509Certificate>> parsed = certificates(chain);
            if (parsed.isEmpty()) {
                return p.reject(CredentialCode.INVALID_CERTIFICATE_CHAIN, "x5chain: an entry is not an X.509 certificate");
            }
            List<X509Certificate> certificates = parsed.get();
            documentSigner = Optional.of(certificates.get(0));
            issuerChain = Optional.of(chain);
            p.issuer = Optional.of(subject(certificates.get(0)));
            Optional<MdocVerdict> rejected = trust instanceof IssuerTrust.TrustSourceLists lists
                    ? issuerOnLists(lists, chain, mso, check, p) : chainDecision((IssuerTrust.CertificateChain) trust, chain, time, p);
            if (rejected.isPresent()) {
                return rejected.get();
            }
            // ISO/IEC 18013-5 Annex B: the checks on the DS certificate that matter for trust.
            Optional<String> annexB = annexB(certificates);
            if (annexB.isPresent()) {
                return p.reject(CredentialCode.INVALID_CERTIFICATE_CHAIN, "Annex B: " + annexB.get());
            }
            p.trace.add("Annex B: DS certificate with extended key usage " + DS_EXTENDED_KEY_USAGE + ", country "
                    + country(subject(certificates.get(0))).orElse("?") + " equal to its IACA's"
                    + (certificates.size() > 1 ? ", the IACA a CA" : ""));
            issuerKey = certificates.get(0).getPublicKey().getEncoded();
        }

        // 3. The issuer signature (RFC 9052 §4.4; ISO/IEC 18013-5 §9.1.2.4: external_aad empty).
        try {
            if (!cose.verifies(algorithm, issuerKey, issuerAuth.toBeSigned(cbor, new byte[0], Optional.empty()), issuerAuth.signature())) {
                return p.reject(CredentialCode.INVALID_SIGNATURE, "signature: issuerAuth's " + algorithm.joseName()
                        + " signature does not verify with the Document Signer key");
            }
        } catch (MalformedCborException e) {
            return p.reject(CredentialCode.MALFORMED_CREDENTIAL, "signature: " + e.getMessage());
        }
        p.trace.add("signature: issuerAuth " + algorithm.joseName() + " verifies with the Document Signer key (Sig_structure, RFC 9052 §4.4)");

        // 4. The MSO (ISO/IEC 18013-5 §9.1.2.4, §9.3.1).
        if (!"1.0".equals(mso.version())) {
            return p.reject(CredentialCode.MALFORMED_CREDENTIAL, "MSO: version " + mso.version() + " is not 1.0");
        }
        if (!MobileSecurityObject.DIGESTS.containsKey(mso.digestAlgorithm())) {
            return p.reject(CredentialCode.MALFORMED_CREDENTIAL, "MSO: digestAlgorithm " + mso.digestAlgorithm() + " is not SHA-256, SHA-384 or SHA-512");
        }
        if (document.docType().isPresent() && !document.docType().get().equals(mso.docType())) {
            return p.reject(CredentialCode.DOC_TYPE_MISMATCH, "MSO: the document's docType " + document.docType().get()
                    + " is not the MSO's " + mso.docType() + " (§9.3.1)");
        }
        if (documentSigner.isPresent()) {
            X509Certificate ds = documentSigner.get();
            if (mso.signed().isBefore(ds.getNotBefore().toInstant()) || mso.signed().isAfter(ds.getNotAfter().toInstant())) {
                return p.reject(CredentialCode.INVALID_CERTIFICATE_CHAIN, "MSO: signed " + mso.signed()
                        + ", outside the Document Signer certificate's validity " + ds.getNotBefore().toInstant() + " – " + ds.getNotAfter().toInstant() + " (§9.3.1)");
            }
        }
        if (time.isBefore(mso.validFrom().minus(check.clockSkew()))) {
            return p.reject(CredentialCode.CREDENTIAL_EXPIRED, "MSO: valid from " + mso.validFrom() + ", after the validation time " + time);
        }
        if (time.isAfter(mso.validUntil().plus(check.clockSkew()))) {
            return p.reject(CredentialCode.CREDENTIAL_EXPIRED, "MSO: valid until " + mso.validUntil() + ", before the validation time " + time);
        }
        p.trace.add("MSO: version 1.0, docType " + mso.docType() + ", signed " + mso.signed() + ", valid " + mso.validFrom()
                + " – " + mso.validUntil() + " at " + time);

        // 5. Every issuer-signed element against its digest (§9.1.2.5, §9.3.1).
        Map<String, Map<String, Object>> elements;
        try {
            elements = elements(document.issuerSigned(), mso);
        } catch (DigestMismatch e) {
            return p.reject(CredentialCode.DIGEST_MISMATCH, "digests: " + e.getMessage());
        } catch (MalformedCborException e) {
            return p.reject(CredentialCode.MALFORMED_CREDENTIAL, "elements: " + e.getMessage());
        }
        int count = elements.values().stream().mapToInt(Map::size).sum();
        p.trace.add("digests: " + count + " element(s) in " + elements.size() + " namespace(s), each matching its "
                + mso.digestAlgorithm() + " digest; no digestID twice");

        // 6. Device authentication (§9.1.3).
        Optional<MdocVerdict> device = deviceAuthentication(document, mso, check, p);
        if (device.isPresent()) {
            return device.get();
        }

        // 7. Status (draft-ietf-oauth-status-list §6.3: the MSO's status member).
        p.elements = elements;
        return status(p, mso, issuerKey, issuerChain, check);
    }

    private static Document document(Cbor top, Progress p) throws MalformedCborException {
        Cbor.Map map = CborRead.map(top, "the presentation");
        if (map.get("version").isPresent()) {
            String version = CborRead.text(map.get("version").get(), "DeviceResponse version");
            if (!version.startsWith("1.")) {
                throw new MalformedCborException("DeviceResponse version " + version + " is not 1.x");
            }
            long status = CborRead.unsigned(CborRead.required(map, "status", "the DeviceResponse"), "DeviceResponse status");
            Optional<Cbor> documents = map.get("documents");
            int size = documents.isPresent() ? CborRead.array(documents.get(), "documents").size() : 0;
            if (size != 1) {
                throw new MalformedCborException("the DeviceResponse holds " + size + " documents (status " + status
                        + "); QTrust verifies exactly one document per presentation");
            }
            Cbor.Map doc = CborRead.map(CborRead.array(documents.get(), "documents").get(0), "the document");
            String docType = CborRead.text(CborRead.required(doc, "docType", "the document"), "docType");
            p.docType = Optional.of(docType);
            Cbor.Map issuerSigned = CborRead.map(CborRead.required(doc, "issuerSigned", "the document"), "issuerSigned");
            Cbor.Map deviceSigned = CborRead.map(CborRead.required(doc, "deviceSigned", "the document"), "deviceSigned");
            p.trace.add("form: DeviceResponse " + version + ", status " + status + ", one document");
            return new Document(Optional.of(docType), issuerSigned, Optional.of(deviceSigned));
        }
        if (map.get("issuerAuth").isPresent()) {
            p.trace.add("form: a bare IssuerSigned (no DeviceResponse: no device authentication possible)");
            return new Document(Optional.empty(), map, Optional.empty());
        }
        throw new MalformedCborException("neither a DeviceResponse (version, documents, status) nor an IssuerSigned (nameSpaces, issuerAuth)");
    }

    /**
     * The kind of an mdoc by its docType: the PID and mDL docTypes are fixed by their rulebooks
     * (a policy's kind rule cannot make a PID or an mDL anything else); any other docType is what
     * the kind rule says.
     */
    public static CredentialKind kindOf(String docType, CredentialKindRule rule) {
        if (docType.startsWith(PID_DOC_TYPE_PREFIX)) {
            return CredentialKind.PID;
        }
        if (MDL_DOC_TYPE.equals(docType)) {
            return CredentialKind.MDL;
        }
        return rule.kindOf(docType);
    }

    private static String describeKinds(CredentialKindRule rule) {
        return "docType " + PID_DOC_TYPE_PREFIX + "* → pid, " + MDL_DOC_TYPE + " → mdl; otherwise " + rule.describe();
    }

    /**
     * The DS chain decided like any certificate, then the issuer role (issue 13.1, as for SD-JWT
     * VCs): the service the chain ends at must hold the role the document's kind needs — a PID
     * only through a PID provider, an mDL through an mDL provider; a DS under a CA/QC service or a
     * plain anchor is refused unless a policy rule names that service type or the anchor source.
     */
    private Optional<MdocVerdict> chainDecision(IssuerTrust.CertificateChain roles, List<byte[]> chain, Instant time, Progress p) {
        CredentialKind kind = kindOf(p.docType.orElseThrow(), roles.issuers().kinds());
        p.trace.add("kind: " + kind.code() + " (" + describeKinds(roles.issuers().kinds()) + ")");
        Base64.Encoder base64 = Base64.getEncoder();
        ChainDecisions.Decided decided = chains.orElseThrow().decide(chain.stream().map(base64::encodeToString).toList(), time);
        CertificateVerdict verdict = decided.verdict();
        p.certificate = Optional.of(verdict);
        p.trustSource = verdict.service().map(service -> "plain_anchor".equals(service.standing()) ? CredentialVerdict.SOURCE_ANCHOR : "TL");
        p.trace.add("x5chain: " + chain.size() + " certificate(s); certificate decision: "
                + (verdict.trusted() ? "trusted" : "not trusted (" + verdict.code().code() + ")")
                + verdict.territory().map(t -> " via " + t + " / " + verdict.provider().orElse("?")).orElse(""));
        IssuerRole role = IssuerRole.judge(roles.issuers().trust(), kind, verdict);
        p.trace.add(role.line());
        if (!verdict.trusted()) {
            return Optional.of(p.reject(certificateCode(verdict.code()), "x5chain: the Document Signer certificate is not trusted: see certificate.trace"));
        }
        if (!role.holds()) {
            return Optional.of(p.reject(CredentialCode.ISSUER_NOT_TRUSTED, "issuer role: the " + kind.code()
                    + " issuer is not trusted: its Document Signer chain ends at a service without the role the policy needs"));
        }
        return Optional.empty();
    }

    /** With lists of trusted entities: the kind from the docType chooses the lists; the status counts at the MSO's signing. */
    private Optional<MdocVerdict> issuerOnLists(IssuerTrust.TrustSourceLists lists, List<byte[]> chain, MobileSecurityObject mso,
                                                MdocCheck check, Progress p) {
        String docType = p.docType.orElseThrow();
        CredentialKind kind = kindOf(docType, lists.kinds());
        p.trace.add("kind: " + kind.code() + " (" + describeKinds(lists.kinds()) + ")");
        // validityInfo.signed is not verified yet: a forged one fails the signature step that follows.
        IssuerTrustVerdict verdict = lists.issuers().check(new IssuerTrustQuery(kind, IssuerKey.chain(chain), mso.signed(),
                check.validationTime()));
        p.issuerTrust = Optional.of(verdict);
        p.trustSource = verdict.trustSource();
        verdict.trace().forEach(line -> p.trace.add("issuer trust: " + line));
        if (!verdict.trusted()) {
            return Optional.of(p.reject(certificateCode(verdict.code()), "issuer trust: the " + kind.code()
                    + " issuer is not trusted through the lists the policy names"));
        }
        return Optional.empty();
    }

    private static CredentialCode certificateCode(VerdictCode code) {
        return switch (code) {
            case ISSUER_NOT_TRUSTED, LIST_NOT_TRUSTED -> CredentialCode.ISSUER_NOT_TRUSTED;
            case NOT_QUALIFIED_CERTIFICATE -> CredentialCode.NOT_QUALIFIED_CERTIFICATE;
            case CERTIFICATE_REVOKED -> CredentialCode.CERTIFICATE_REVOKED;
            default -> CredentialCode.INVALID_CERTIFICATE_CHAIN;
        };
    }

    /**
     * ISO/IEC 18013-5 Annex B.1.4 (Document Signer) and B.1.2 (IACA), the parts that matter for
     * trust: the DS certificate's extended key usage is mdlDS (1.0.18013.5.1.2); its country equals
     * the IACA's (the country of its issuer name, which the path check tied to the IACA's subject);
     * an IACA certificate given in x5chain is a CA of that country.
     */
    private static Optional<String> annexB(List<X509Certificate> chain) {
        X509Certificate ds = chain.get(0);
        List<String> usages;
        try {
            usages = ds.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return Optional.of("the DS certificate's extended key usage cannot be read");
        }
        if (usages == null || !usages.contains(DS_EXTENDED_KEY_USAGE)) {
            return Optional.of("the DS certificate's extended key usage " + (usages == null ? "is absent" : usages)
                    + " does not include mdlDS " + DS_EXTENDED_KEY_USAGE + " (B.1.4)");
        }
        Optional<String> country = country(subject(ds));
        Optional<String> iacaCountry = country(issuerName(ds));
        if (country.isEmpty() || !country.equals(iacaCountry)) {
            return Optional.of("the DS certificate's country " + country.orElse("(none)") + " is not its IACA's "
                    + iacaCountry.orElse("(none)") + " (B.1.4)");
        }
        if (chain.size() > 1) {
            X509Certificate iaca = chain.get(1);
            if (iaca.getBasicConstraints() < 0) {
                return Optional.of("the IACA certificate in x5chain is not a CA (B.1.2)");
            }
            if (!country.equals(country(subject(iaca)))) {
                return Optional.of("the IACA certificate in x5chain is of another country (B.1.2)");
            }
        }
        return Optional.empty();
    }

    /** The C attribute of a distinguished name as the JDK prints it ("CN=x, O=\"a, b\", C=DE"). */
    static Optional<String> country(String distinguishedName) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < distinguishedName.length(); i++) {
            char c = distinguishedName.charAt(i);
            if (c == '\\' && i + 1 < distinguishedName.length()) {
                part.append(c).append(distinguishedName.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                part.append(c);
            } else if ((c == ',' || c == ';' || c == '+') && !quoted) {
                parts.add(part.toString().trim());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString().trim());
        for (String attribute : parts) {
            int equals = attribute.indexOf('=');
            if (equals > 0 && "C".equalsIgnoreCase(attribute.substring(0, equals).trim())) {
                return Optional.of(attribute.substring(equals + 1).trim().toUpperCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("deprecation") // getSubjectDN/getIssuerDN: java.security.Principal keeps core on java.* only (no javax)
    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectDN().getName();
    }

    @SuppressWarnings("deprecation")
    private static String issuerName(X509Certificate certificate) {
        return certificate.getIssuerDN().getName();
    }

    /** The x5chain parsed, remembered per chain: wallets present the same Document Signer over and over. */
    private Optional<List<X509Certificate>> certificates(List<byte[]> chain) {
        StringBuilder key = new StringBuilder();
        Base64.Encoder base64 = Base64.getEncoder();
        chain.forEach(der -> key.append(base64.encodeToString(der)).append(','));
        String id = key.toString();
        Optional<List<X509Certificate>> cached = parsedChains.get(id);
        if (cached != null) {
            return cached;
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (byte[] der : chain) {
            Optional<X509Certificate> certificate = certificate(der);
            if (certificate.isEmpty()) {
                return Optional.empty();
            }
            certificates.add(certificate.get());
        }
        if (parsedChains.size() >= MAX_PARSED_CHAINS) {
            parsedChains.clear();
        }
        Optional<List<X509Certificate>> result = Optional.of(List.copyOf(certificates));
        parsedChains.put(id, result);
        return result;
    }

    private static Optional<X509Certificate> certificate(byte[] der) {
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** An element's digest is missing or not the MSO's. */
    private static final class DigestMismatch extends Exception {
        DigestMismatch(String message) {
            super(message);
        }
    }

    /**
     * IssuerNameSpaces = {namespace: [+ IssuerSignedItemBytes]}; each IssuerSignedItemBytes =
     * #6.24(bstr .cbor {digestID, random, elementIdentifier, elementValue}), digested as encoded
     * (§9.1.2.5: the digest covers the tag-24 item).
     */
    private Map<String, Map<String, Object>> elements(Cbor.Map issuerSigned, MobileSecurityObject mso)
            throws MalformedCborException, DigestMismatch {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        Optional<Cbor> nameSpaces = issuerSigned.get("nameSpaces");
        if (nameSpaces.isEmpty()) {
            return result;
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(MobileSecurityObject.DIGESTS.get(mso.digestAlgorithm()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + mso.digestAlgorithm(), e);
        }
        for (Map.Entry<Cbor, Cbor> entry : CborRead.map(nameSpaces.get(), "nameSpaces").entries().entrySet()) {
            String namespace = CborRead.text(entry.getKey(), "a namespace");
            Map<Long, byte[]> digests = mso.valueDigests().get(namespace);
            if (digests == null) {
                throw new DigestMismatch("the MSO lists no digests for namespace " + namespace);
            }
            Map<String, Object> values = new LinkedHashMap<>();
            Set<Long> seen = new HashSet<>();
            for (Cbor itemBytes : CborRead.array(entry.getValue(), "the items of " + namespace).items()) {
                byte[] raw = CborRead.embedded(itemBytes, "an IssuerSignedItemBytes in " + namespace);
                Cbor.Map item = CborRead.map(cbor.decode(raw, CborLimits.EMBEDDED), "an IssuerSignedItem in " + namespace);
                long id = CborRead.unsigned(CborRead.required(item, "digestID", "an IssuerSignedItem"), "digestID");
                byte[] random = CborRead.bytes(CborRead.required(item, "random", "an IssuerSignedItem"), "random");
                String name = CborRead.text(CborRead.required(item, "elementIdentifier", "an IssuerSignedItem"), "elementIdentifier");
                Cbor value = CborRead.required(item, "elementValue", "an IssuerSignedItem");
                if (random.length < MIN_RANDOM) {
                    throw new MalformedCborException(namespace + "/" + name + ": random is " + random.length + " bytes, fewer than " + MIN_RANDOM + " (§9.1.2.5)");
                }
                if (!seen.add(id)) {
                    throw new DigestMismatch(namespace + "/" + name + ": digestID " + id + " is used twice");
                }
                byte[] expected = digests.get(id);
                if (expected == null) {
                    throw new DigestMismatch(namespace + "/" + name + ": the MSO has no digest with digestID " + id);
                }
                byte[] actual = digest.digest(cbor.encode(Cbor.embedded(raw)));
                if (!MessageDigest.isEqual(expected, actual)) {
                    throw new DigestMismatch(namespace + "/" + name + " (digestID " + id + ") does not match its " + mso.digestAlgorithm() + " digest in the MSO");
                }
                if (values.containsKey(name)) {
                    throw new MalformedCborException(namespace + "/" + name + " is disclosed twice");
                }
                values.put(name, MdocJson.value(value));
            }
            result.put(namespace, values);
        }
        return result;
    }

    /**
     * §9.1.3: deviceSignature is a COSE_Sign1 with a nil payload over DeviceAuthenticationBytes =
     * #6.24(bstr .cbor ["DeviceAuthentication", SessionTranscript, DocType, DeviceNameSpacesBytes]),
     * by the MSO's deviceKey; every device-signed element must be authorized (§9.1.2.4).
     */
    private Optional<MdocVerdict> deviceAuthentication(Document document, MobileSecurityObject mso, MdocCheck check, Progress p) {
        if (document.deviceSigned().isEmpty()) {
            if (check.requireDeviceAuthentication()) {
                return Optional.of(p.reject(CredentialCode.INVALID_HOLDER_BINDING, "device authentication: required, but a bare IssuerSigned has none"));
            }
            p.trace.add("device authentication: none in a bare IssuerSigned; not required, so the holder is not proven");
            return Optional.empty();
        }
        if (check.transcript().isEmpty()) {
            if (check.requireDeviceAuthentication()) {
                return Optional.of(p.reject(CredentialCode.INVALID_HOLDER_BINDING, "device authentication: required, but no session transcript (handover) was given to check it against"));
            }
            p.trace.add("device authentication: not checked (no session transcript given); the holder is not proven");
            return Optional.empty();
        }
        SessionTranscript transcript = check.transcript().get();
        try {
            Cbor.Map deviceSigned = document.deviceSigned().get();
            Cbor nameSpacesBytes = CborRead.required(deviceSigned, "nameSpaces", "deviceSigned");
            Cbor.Map deviceNameSpaces = CborRead.map(cbor.decode(CborRead.embedded(nameSpacesBytes, "deviceSigned.nameSpaces"),
                    CborLimits.EMBEDDED), "DeviceNameSpaces");
            Cbor.Map deviceAuth = CborRead.map(CborRead.required(deviceSigned, "deviceAuth", "deviceSigned"), "deviceAuth");
            if (deviceAuth.get("deviceMac").isPresent() && deviceAuth.get("deviceSignature").isEmpty()) {
                return Optional.of(p.reject(CredentialCode.DEVICE_MAC_UNSUPPORTED, "device authentication: deviceMac (COSE_Mac0, §9.1.3.5) "
                        + "needs the reader's ephemeral private key, which this verifier was not given; ask the wallet for a deviceSignature"));
            }
            if (deviceAuth.size() != 1 || deviceAuth.get("deviceSignature").isEmpty()) {
                throw new MalformedCborException("deviceAuth is not {deviceSignature} or {deviceMac}");
            }
            CoseSign1 signature = CoseSign1.read(deviceAuth.get("deviceSignature").get(), cbor, "deviceSignature");
            Optional<CoseAlgorithm> algorithm = CoseAlgorithm.of(signature.algorithmId());
            if (algorithm.isEmpty()) {
                return Optional.of(p.reject(CredentialCode.INVALID_HOLDER_BINDING, "device authentication: algorithm " + signature.algorithmId() + " is not allowed"));
            }
            String docType = document.docType().orElseThrow();
            byte[] deviceAuthentication = cbor.encode(Cbor.array(Cbor.text("DeviceAuthentication"), transcript.value(),
                    Cbor.text(docType), nameSpacesBytes));
            byte[] deviceAuthenticationBytes = cbor.encode(Cbor.embedded(deviceAuthentication));
            if (signature.payload().isPresent() && !java.util.Arrays.equals(signature.payload().get(), deviceAuthenticationBytes)) {
                return Optional.of(p.reject(CredentialCode.INVALID_HOLDER_BINDING, "device authentication: deviceSignature carries a payload other than this session's DeviceAuthentication"));
            }
            byte[] deviceKey = cose.publicKeyInfo(mso.deviceKey());
            byte[] toBeSigned = signature.toBeSigned(cbor, new byte[0], Optional.of(deviceAuthenticationBytes));
            if (!cose.verifies(algorithm.get(), deviceKey, toBeSigned, signature.signature())) {
                return Optional.of(p.reject(CredentialCode.INVALID_HOLDER_BINDING, "device authentication: deviceSignature does not verify with the MSO's deviceKey over "
                        + transcript.description() + " (another session, or another key)"));
            }
            int signedElements = 0;
            for (Map.Entry<Cbor, Cbor> ns : deviceNameSpaces.entries().entrySet()) {
                String namespace = CborRead.text(ns.getKey(), "a device-signed namespace");
                for (Cbor name : CborRead.map(ns.getValue(), "device-signed items of " + namespace).entries().keySet()) {
                    String element = CborRead.text(name, "a device-signed element identifier");
                    if (!mso.authorizes(namespace, element)) {
                        return Optional.of(p.reject(CredentialCode.INVALID_HOLDER_BINDING, "device authentication: the device signed "
                                + namespace + "/" + element + ", which the MSO's keyAuthorizations do not allow (§9.1.2.4)"));
                    }
                    signedElements++;
                }
            }
            p.deviceBound = true;
            p.trace.add("device authentication: deviceSignature " + algorithm.get().joseName() + " verifies with the MSO's deviceKey over "
                    + transcript.description() + (signedElements > 0 ? "; " + signedElements + " device-signed element(s) authorized by keyAuthorizations" : ""));
            return Optional.empty();
        } catch (MalformedCborException e) {
            return Optional.of(p.reject(CredentialCode.INVALID_HOLDER_BINDING, "device authentication: " + e.getMessage()));
        }
    }

    /**
     * draft-ietf-oauth-status-list §6.3 (the MSO's {@code status}) under the same fail-closed
     * {@code credentialStatus} policy as SD-JWT VCs (issue 13.3): under {@code require} an mdoc whose
     * MSO names a status list is valid only when its status was read — offline, refused, out of
     * budget, an unusable token or another status mechanism are {@code credential_status_unavailable};
     * under {@code prefer} a warning; {@code off} fetches nothing. The Status List Token is taken in
     * its JWT form (§5.1) or its CWT form (§5.2).
     */
    private MdocVerdict status(Progress p, MobileSecurityObject mso, byte[] issuerKey, Optional<List<byte[]>> issuerChain,
                               MdocCheck check) {
        if (mso.status().isEmpty()) {
            p.trace.add("status: the MSO names no status list");
            return p.accept();
        }
        CredentialStatusMode mode = check.statusMode();
        Optional<StatusReference> reference;
        try {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("status", MdocJson.value(mso.status().get()));
            reference = StatusReference.in(claims);
        } catch (IllegalArgumentException e) {
            return p.reject(CredentialCode.MALFORMED_CREDENTIAL, "status: " + e.getMessage());
        }
        if (mode == CredentialStatusMode.OFF) {
            p.status = Optional.of("not checked");
            p.trace.add("status: " + reference.map(r -> "index " + r.index() + " of " + r.uri()).orElse("the MSO's status")
                    + " not checked (credentialStatus off)");
            return p.accept();
        }
        if (reference.isEmpty()) {
            // Another status mechanism (e.g. an identifier list) this verifier does not know.
            return unavailable(p, mode, "the MSO's status names no status_list this verifier can check");
        }
        StatusReference ref = reference.get();
        String entry = "index " + ref.index() + " of " + ref.uri();
        StatusListFetch fetch = statusLists.fetch(ref.uri(), check.fetchBudget());
        if (fetch instanceof StatusListFetch.Skipped skipped) {
            return unavailable(p, mode, entry + " not checked (" + skipped.reason() + ")");
        }
        if (fetch instanceof StatusListFetch.Failed failed) {
            return unavailable(p, mode, failed.reason());
        }
        StatusListFetch.Fetched fetched = (StatusListFetch.Fetched) fetch;
        StatusList list;
        try {
            list = StatusListCwt.isCwtToken(fetched.token()) ? cwtStatusList(fetched, ref, issuerKey, issuerChain, check, p)
                    : jwtStatusList(fetched, ref, issuerKey, issuerChain, check, p);
        } catch (MalformedTokenException e) {
            return unavailable(p, mode, "the status list token of " + ref.uri() + " is not usable: " + e.getMessage());
        }
        OptionalInt value = list.status(ref.index());
        if (value.isEmpty()) {
            return unavailable(p, mode, "index " + ref.index() + " is beyond the list's " + list.size() + " entries");
        }
        String where = "status: " + entry + " (" + list.bits() + " bit(s) each, token " + fetched.source() + " "
                + fetched.fetchedAt() + ") is " + value.getAsInt();
        return switch (value.getAsInt()) {
            case StatusList.VALID -> {
                p.status = Optional.of("valid");
                p.trace.add(where + " (VALID)");
                yield p.accept();
            }
            case StatusList.INVALID -> {
                p.status = Optional.of("revoked");
                yield p.reject(CredentialCode.CREDENTIAL_REVOKED, where + " (INVALID: revoked)");
            }
            case StatusList.SUSPENDED -> {
                p.status = Optional.of("suspended");
                yield p.reject(CredentialCode.CREDENTIAL_SUSPENDED, where + " (SUSPENDED)");
            }
            default -> unavailable(p, mode, where + ": a value this verifier cannot interpret");
        };
    }

    /** Not established: under {@code require} not valid (fail closed); under {@code prefer} valid with a warning. */
    private static MdocVerdict unavailable(Progress p, CredentialStatusMode mode, String why) {
        p.status = Optional.of(mode == CredentialStatusMode.PREFER ? "not checked" : "unavailable");
        String line = "status: " + why;
        if (mode == CredentialStatusMode.PREFER) {
            p.trace.add(line);
            p.trace.add("status: warning: the status could not be established; accepted because credentialStatus is prefer");
            return p.accept();
        }
        return p.reject(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE, line + " — credentialStatus require: not valid (fail closed)");
    }

    /**
     * The JWT form (draft-ietf-oauth-status-list §5.1, §8.3): typ statuslist+jwt, no unknown crit, an
     * allowed algorithm, signed by the credential's issuer ({@link #statusSigner}), sub equal to the
     * uri, an iat, not expired at the time it is used (never a caller's past validation time).
     */
    private StatusList jwtStatusList(StatusListFetch.Fetched fetched, StatusReference ref, byte[] issuerKey,
                                     Optional<List<byte[]>> issuerChain, MdocCheck check, Progress p) throws MalformedTokenException {
        SignedJwt jwt = jose.read(fetched.token());
        JoseRules.critical(jwt.header(), "its");
        if (!STATUS_LIST_TYPE.equals(JoseRules.mediaType(jwt.type()).orElse(null))) {
            throw new MalformedTokenException("typ is " + jwt.type().orElse("(none)") + ", not statuslist+jwt");
        }
        if (!CredentialVerificationService.ALLOWED_ALGORITHMS.contains(jwt.algorithm().orElse(""))) {
            throw new MalformedTokenException("algorithm " + jwt.algorithm().orElse("(none)") + " is not allowed");
        }
        Optional<List<byte[]>> chain = Optional.empty();
        if (jwt.header().containsKey("x5c")) {
            if (!(jwt.header().get("x5c") instanceof List<?> x5c) || x5c.isEmpty() || x5c.size() > CoseSign1.MAX_CHAIN
                    || !x5c.stream().allMatch(String.class::isInstance)) {
                throw new MalformedTokenException("its x5c is not an array of 1 to " + CoseSign1.MAX_CHAIN + " base64 certificates");
            }
            try {
                chain = Optional.of(x5c.stream().map(String.class::cast).map(Base64.getDecoder()::decode).toList());
            } catch (IllegalArgumentException e) {
                throw new MalformedTokenException("an x5c entry is not base64");
            }
        }
        Signer signer = statusSigner(chain, issuerKey, issuerChain, check, p);
        if (!jose.verifies(jwt, signer.key())) {
            throw new MalformedTokenException("its signature does not verify with " + signer.who());
        }
        if (!ref.uri().equals(jwt.claims().get("sub"))) {
            throw new MalformedTokenException("its sub " + jwt.claims().get("sub") + " is not the referenced uri");
        }
        if (JoseRules.numericDate(jwt.claims(), "iat").isEmpty()) {
            throw new MalformedTokenException("it has no iat");
        }
        Optional<Instant> exp = JoseRules.numericDate(jwt.claims(), "exp");
        expiry(exp, fetched, check);
        if (!(jwt.claims().get("status_list") instanceof Map<?, ?> statusList) || !(statusList.get("bits") instanceof Number bits)
                || !(statusList.get("lst") instanceof String lst)) {
            throw new MalformedTokenException("no status_list {bits, lst}");
        }
        p.trace.add("status: the status list token (JWT) is signed by " + signer.who());
        try {
            return StatusList.decode(bits.intValue(), lst);
        } catch (IllegalArgumentException e) {
            throw new MalformedTokenException(e.getMessage());
        }
    }

    /**
     * The CWT form (draft-ietf-oauth-status-list §5.2, §8.3): a COSE_Sign1 with typ
     * application/statuslist+cwt and {@code alg} in its protected header (ES256/384/512, EdDSA), signed
     * by the credential's issuer under the same rules as the JWT form; sub (2) equal to the uri, iat
     * (6), exp (4) not passed at the time it is used, and status_list (65533).
     */
    private StatusList cwtStatusList(StatusListFetch.Fetched fetched, StatusReference ref, byte[] issuerKey,
                                     Optional<List<byte[]>> issuerChain, MdocCheck check, Progress p) throws MalformedTokenException {
        try {
            StatusListCwt cwt = StatusListCwt.read(fetched.token(), cbor);
            long alg = cwt.sign1().algorithmId();
            CoseAlgorithm algorithm = CoseAlgorithm.of(alg).orElseThrow(() -> new MalformedTokenException("algorithm " + alg
                    + " is not allowed (ES256 -7, ES384 -35, ES512 -36, EdDSA -8)"));
            Signer signer = statusSigner(cwt.sign1().x5chain(), issuerKey, issuerChain, check, p);
            if (!cose.verifies(algorithm, signer.key(), cwt.sign1().toBeSigned(cbor, new byte[0], Optional.empty()), cwt.sign1().signature())) {
                throw new MalformedTokenException("its " + algorithm.joseName() + " signature does not verify with " + signer.who());
            }
            if (!ref.uri().equals(cwt.subject())) {
                throw new MalformedTokenException("its sub " + cwt.subject() + " is not the referenced uri");
            }
            expiry(cwt.expires(), fetched, check);
            p.trace.add("status: the status list token (CWT) is signed by " + signer.who());
            return cwt.list();
        } catch (MalformedCborException e) {
            throw new MalformedTokenException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MalformedTokenException(e.getMessage());
        }
    }

    /** draft-ietf-oauth-status-list §8.3 step 4: exp against the time the token is used, not a past validation time. */
    private static void expiry(Optional<Instant> exp, StatusListFetch.Fetched fetched, MdocCheck check) throws MalformedTokenException {
        if (exp.isPresent() && !fetched.usedAt().isBefore(exp.get().plus(check.clockSkew()))) {
            throw new MalformedTokenException("it expired at " + exp.get() + " (used at " + fetched.usedAt() + ")");
        }
    }

    /** The key a status list token must verify with, and who holds it (for the trace). */
    private record Signer(byte[] key, String who) {
    }

    /**
     * Who may sign the status list of an mdoc (issue 13.4, as for SD-JWT VCs): the Document Signer's
     * key; a certificate the DS's own issuing authority (IACA) issued — checked by signature, the
     * IACA having issued the DS too; or, when certificate decisions are configured, a chain they
     * trust that belongs to the issuer's provider on its trusted list. A chain that is merely
     * trusted is not enough: anyone's trusted key could otherwise vouch for the issuer's mdocs.
     */
    private Signer statusSigner(Optional<List<byte[]>> tokenChain, byte[] issuerKey, Optional<List<byte[]>> issuerChain,
                                MdocCheck check, Progress p) throws MalformedTokenException {
        if (tokenChain.isEmpty()) {
            return new Signer(issuerKey, "the Document Signer's key");
        }
        List<byte[]> chain = tokenChain.get();
        Optional<List<X509Certificate>> tokenCertificates = certificates(chain);
        if (tokenCertificates.isEmpty()) {
            throw new MalformedTokenException("an entry of its certificate chain is not an X.509 certificate");
        }
        X509Certificate leaf = tokenCertificates.get().get(0);
        byte[] leafKey = leaf.getPublicKey().getEncoded();
        if (java.util.Arrays.equals(leafKey, issuerKey)) {
            return new Signer(leafKey, "the Document Signer's key (in its own certificate chain)");
        }
        if (issuedBySameAuthority(tokenCertificates.get(), issuerChain, check.validationTime())) {
            return new Signer(leafKey, "a certificate of the Document Signer's issuing authority (the IACA that issued the DS)");
        }
        if (chains.isPresent() && p.certificate.isPresent() && p.certificate.get().provider().isPresent()) {
            Base64.Encoder base64 = Base64.getEncoder();
            ChainDecisions.Decided decided = chains.get().decide(chain.stream().map(base64::encodeToString).toList(), check.validationTime());
            CertificateVerdict verdict = decided.verdict();
            if (verdict.trusted() && p.certificate.get().provider().equals(verdict.provider())
                    && p.certificate.get().territory().equals(verdict.territory())) {
                return new Signer(leafKey, "a service of the issuer's provider " + verdict.provider().get() + " on its trusted list");
            }
        }
        throw new MalformedTokenException("its signer is not the mdoc's issuer: not the Document Signer's key, not issued by the DS's "
                + "issuing authority, nor a service of the issuer's provider on its trusted list (a chain the policy trusts is not enough)");
    }

    /**
     * The token's signer certificate was issued by the IACA that issued the Document Signer: the
     * same certificate second in both chains, which signed both leaves, the token's leaf valid now.
     */
    private boolean issuedBySameAuthority(List<X509Certificate> token, Optional<List<byte[]>> issuerChain, Instant time) {
        if (token.size() < 2 || issuerChain.isEmpty() || issuerChain.get().size() < 2) {
            return false;
        }
        Optional<List<X509Certificate>> issuer = certificates(issuerChain.get());
        if (issuer.isEmpty() || !issuer.get().get(1).equals(token.get(1))) {
            return false;
        }
        X509Certificate iaca = issuer.get().get(1);
        try {
            issuer.get().get(0).verify(iaca.getPublicKey());
            token.get(0).verify(iaca.getPublicKey());
            token.get(0).checkValidity(java.util.Date.from(time));
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}

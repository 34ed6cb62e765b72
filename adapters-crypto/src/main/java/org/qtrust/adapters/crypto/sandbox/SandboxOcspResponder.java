package org.qtrust.adapters.crypto.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.qtrust.adapters.crypto.pki.DeterministicSignatures;

/**
 * The sandbox's OCSP responders (RFC 6960): one per folder {@code ocsp/<ca>/} of a sandbox,
 * answering for the certificates of that CA from its CRL {@code crl/<ca>.crl} (revoked with
 * the CRL's date and reason, good otherwise; unknown for another CA), signed by the delegated
 * responder key. The nonce, when sent, is echoed. Answers are dated at the time given, valid
 * for one day.
 */
public final class SandboxOcspResponder {

    static final String CA_FILE = "ca.pem";
    static final String RESPONDER_FILE = "responder.pem";
    static final String KEY_FILE = "responder.key";
    /** Larger than any OCSP request this responder answers (one CertID, a nonce). */
    public static final int MAX_REQUEST_BYTES = 16 * 1024;

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Duration VALIDITY = Duration.ofDays(1);

    private record Responder(X509CertificateHolder ca, X509CertificateHolder certificate, PrivateKey key, X509CRLHolder crl) {
    }

    private final Map<String, Responder> responders;
    private final DigestCalculatorProvider digests;

    private SandboxOcspResponder(Map<String, Responder> responders) {
        this.responders = Map.copyOf(responders);
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads every responder of the sandbox folder {@code directory}. */
    public static SandboxOcspResponder load(Path directory) throws IOException {
        Map<String, Responder> responders = new HashMap<>();
        Path ocsp = directory.resolve(SandboxLayout.OCSP);
        if (Files.isDirectory(ocsp)) {
            try (DirectoryStream<Path> folders = Files.newDirectoryStream(ocsp, Files::isDirectory)) {
                for (Path folder : folders) {
                    String name = folder.getFileName().toString();
                    Path crl = directory.resolve(SandboxLayout.CRL).resolve(name + ".crl");
                    responders.put(name, new Responder(holder(folder.resolve(CA_FILE)), holder(folder.resolve(RESPONDER_FILE)),
                            privateKey(folder.resolve(KEY_FILE)), new X509CRLHolder(Files.readAllBytes(crl))));
                }
            }
        }
        return new SandboxOcspResponder(responders);
    }

    /** Whether a responder of this name exists (the last path segment of its URL). */
    public boolean has(String responder) {
        return NAME.matcher(responder).matches() && responders.containsKey(responder);
    }

    /** The DER OCSPResponse to {@code request} from responder {@code name}, dated {@code now}; empty for an unknown responder. */
    public Optional<byte[]> respond(String name, byte[] request, Instant now) {
        if (!has(name)) {
            return Optional.empty();
        }
        Responder responder = responders.get(name);
        try {
            OCSPReq ocspRequest;
            try {
                ocspRequest = new OCSPReq(request);
            } catch (IOException | RuntimeException e) {
                return Optional.of(new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded());
            }
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(responder.certificate().getSubject()));
            for (Req single : ocspRequest.getRequestList()) {
                CertificateID id = single.getCertID();
                builder.addResponse(id, status(responder, id), Date.from(now), Date.from(now.plus(VALIDITY)), null);
            }
            Extension nonce = ocspRequest.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            PrivateKey key = responder.key();
            var basic = builder.build(DeterministicSignatures.signer(key, DeterministicSignatures.defaultAlgorithm(key)),
                    new X509CertificateHolder[] {responder.certificate()}, Date.from(now));
            OCSPResp response = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
            return Optional.of(response.getEncoded());
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException("cannot build an OCSP response: " + e.getMessage(), e);
        }
    }

    private CertificateStatus status(Responder responder, CertificateID id) throws OCSPException {
        if (!id.matchesIssuer(responder.ca(), digests)) {
            return new UnknownStatus();
        }
        X509CRLEntryHolder entry = responder.crl().getRevokedCertificate(id.getSerialNumber());
        if (entry == null) {
            return CertificateStatus.GOOD;
        }
        Extension reason = entry.getExtensions() == null ? null : entry.getExtensions().getExtension(Extension.reasonCode);
        return reason == null ? new RevokedStatus(entry.getRevocationDate(), CRLReason.unspecified)
                : new RevokedStatus(entry.getRevocationDate(), CRLReason.getInstance(reason.getParsedValue()).getValue().intValue());
    }

    private static X509CertificateHolder holder(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IOException(pem + " is not a certificate", e);
        }
    }

    private static PrivateKey privateKey(Path pem) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(pem + " is not a PKCS#8 EC key", e);
        }
    }
}

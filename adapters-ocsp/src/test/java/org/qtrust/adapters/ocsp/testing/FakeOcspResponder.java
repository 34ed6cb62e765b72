package org.qtrust.adapters.ocsp.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
import org.bouncycastle.asn1.ocsp.ResponseBytes;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An OCSP responder built with Bouncy Castle for the cases a well-behaved OpenSSL responder
 * will not produce (another CertID hash, wrong serial, tampered signature, dates in the future…).
 */
public final class FakeOcspResponder {

    /** How to answer. Build from {@link #signedBy} and the {@code with…} methods. */
    public record Scenario(X509Certificate issuer, X509Certificate signer, PrivateKey signerKey, boolean includeSigner,
                           boolean byKey, boolean sha256CertId, BigInteger serialOverride, CertificateStatus status,
                           Instant thisUpdate, Instant nextUpdate, Instant producedAt, boolean echoNonce,
                           boolean tamper, int responseStatus, Instant archiveCutoff) {

        public static Scenario signedBy(X509Certificate issuer, X509Certificate signer, PrivateKey key, Instant now) {
            return new Scenario(issuer, signer, key, true, false, false, null, CertificateStatus.GOOD, now,
                    now.plusSeconds(86_400), now, true, false, OCSPRespBuilder.SUCCESSFUL, null);
        }

        public Scenario withIncludeSigner(boolean value) {
            return new Scenario(issuer, signer, signerKey, value, byKey, sha256CertId, serialOverride, status,
                    thisUpdate, nextUpdate, producedAt, echoNonce, tamper, responseStatus, archiveCutoff);
        }

        public Scenario withByKey(boolean value) {
            return new Scenario(issuer, signer, signerKey, includeSigner, value, sha256CertId, serialOverride, status,
                    thisUpdate, nextUpdate, producedAt, echoNonce, tamper, responseStatus, archiveCutoff);
        }

        public Scenario withSha256CertId() {
            return new Scenario(issuer, signer, signerKey, includeSigner, byKey, true, serialOverride, status,
                    thisUpdate, nextUpdate, producedAt, echoNonce, tamper, responseStatus, archiveCutoff);
        }

        public Scenario withSerial(BigInteger value) {
            return new Scenario(issuer, signer, signerKey, includeSigner, byKey, sha256CertId, value, status,
                    thisUpdate, nextUpdate, producedAt, echoNonce, tamper, responseStatus, archiveCutoff);
        }

        public Scenario withStatus(CertificateStatus value) {
            return new Scenario(issuer, signer, signerKey, includeSigner, byKey, sha256CertId, serialOverride, value,
                    thisUpdate, nextUpdate, producedAt, echoNonce, tamper, responseStatus, archiveCutoff);
        }

        public Scenario withTimes(Instant thisUpdateValue, Instant nextUpdateValue, Instant producedAtValue) {
            return new Scenario(issuer, signer, signerKey, includeSigner, byKey, sha256CertId, serialOverride, status,
                    thisUpdateValue, nextUpdateValue, producedAtValue, echoNonce, tamper, responseStatus, archiveCutoff);
        }

        public Scenario withoutNonce() {
            return new Scenario(issuer, signer, signerKey, includeSigner, byKey, sha256CertId, serialOverride, status,
                    thisUpdate, nextUpdate, producedAt, false, tamper, responseStatus, archiveCutoff);
        }

        public Scenario tampered() {
            return new Scenario(issuer, signer, signerKey, includeSigner, byKey, sha256CertId, serialOverride, status,
                    thisUpdate, nextUpdate, producedAt, echoNonce, true, responseStatus, archiveCutoff);
        }

        /** An archiveCutoff singleExtension (RFC 6960 §4.4.4). */
        public Scenario withArchiveCutoff(Instant value) {
            return new Scenario(issuer, signer, signerKey, includeSigner, byKey, sha256CertId, serialOverride, status,
                    thisUpdate, nextUpdate, producedAt, echoNonce, tamper, responseStatus, value);
        }

        public Scenario withResponseStatus(int value) {
            return new Scenario(issuer, signer, signerKey, includeSigner, byKey, sha256CertId, serialOverride, status,
                    thisUpdate, nextUpdate, producedAt, echoNonce, tamper, value, archiveCutoff);
        }
    }

    private FakeOcspResponder() {
    }

    /** The DER response to a DER request, per the scenario. */
    public static byte[] answer(byte[] requestBytes, Scenario scenario) {
        try {
            if (scenario.responseStatus() != OCSPRespBuilder.SUCCESSFUL) {
                return new OCSPRespBuilder().build(scenario.responseStatus(), null).getEncoded();
            }
            OCSPReq request = new OCSPReq(requestBytes);
            CertificateID asked = request.getRequestList()[0].getCertID();
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            X509CertificateHolder issuer = new X509CertificateHolder(scenario.issuer().getEncoded());
            X509CertificateHolder signer = new X509CertificateHolder(scenario.signer().getEncoded());
            BigInteger serial = scenario.serialOverride() != null ? scenario.serialOverride() : asked.getSerialNumber();
            AlgorithmIdentifier hash = new AlgorithmIdentifier(scenario.sha256CertId()
                    ? NISTObjectIdentifiers.id_sha256 : OIWObjectIdentifiers.idSHA1);
            CertificateID answered = new CertificateID(digests.get(hash), issuer, serial);

            BasicOCSPRespBuilder builder = scenario.byKey()
                    ? new BasicOCSPRespBuilder(signer.getSubjectPublicKeyInfo(),
                            digests.get(RespID.HASH_SHA1))
                    : new BasicOCSPRespBuilder(new RespID(signer.getSubject()));
            Extensions singleExtensions = scenario.archiveCutoff() == null ? null : new Extensions(new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_archive_cutoff, false,
                    new org.bouncycastle.asn1.DERGeneralizedTime(Date.from(scenario.archiveCutoff())).getEncoded()));
            builder.addResponse(answered, scenario.status(), Date.from(scenario.thisUpdate()),
                    scenario.nextUpdate() == null ? null : Date.from(scenario.nextUpdate()), singleExtensions);
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null && scenario.echoNonce()) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            X509CertificateHolder[] chain = scenario.includeSigner() ? new X509CertificateHolder[] {signer}
                    : new X509CertificateHolder[0];
            BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(scenario.signerKey()),
                    chain, Date.from(scenario.producedAt()));
            BasicOCSPResponse structure = BasicOCSPResponse.getInstance(basic.getEncoded());
            if (scenario.tamper()) {
                byte[] signature = structure.getSignature().getOctets();
                signature[signature.length / 2] ^= 0x55;
                structure = new BasicOCSPResponse(structure.getTbsResponseData(), structure.getSignatureAlgorithm(),
                        new DERBitString(signature), structure.getCerts());
            }
            OCSPResponse response = new OCSPResponse(new OCSPResponseStatus(OCSPResponseStatus.SUCCESSFUL),
                    new ResponseBytes(OCSPObjectIdentifiers.id_pkix_ocsp_basic, new DEROctetString(structure.getEncoded())));
            return response.getEncoded();
        } catch (IOException | CertificateEncodingException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.cert.ocsp.OCSPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Routes {@code path} of the server to this responder with the given scenario. */
    public static void serve(LocalHttpServer http, String path, Scenario scenario) {
        http.route(path, body -> LocalHttpServer.Reply.ok("application/ocsp-response", answer(body, scenario)));
    }

}

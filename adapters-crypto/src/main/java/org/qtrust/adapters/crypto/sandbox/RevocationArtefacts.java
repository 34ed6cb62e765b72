package org.qtrust.adapters.crypto.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.qtrust.adapters.crypto.pki.DeterministicSignatures;
import org.qtrust.adapters.crypto.pki.KeyAndCertificate;

/**
 * Revocation data of issuing CA A: a CRL (published at the CRL distribution point of its
 * certificates) and the material its delegated OCSP responder answers from, plus certificates
 * whose verdict depends on it: revoked, good, and one whose responder is unavailable.
 *
 * <p>Layout: {@code crl/<ca>.crl}; {@code ocsp/<ca>/ca.pem}, {@code responder.pem},
 * {@code responder.key} (PKCS#8). {@link SandboxOcspResponder} serves OCSP from them.
 */
final class RevocationArtefacts implements ArtefactGenerator {

    static final String ISSUING_CA_A = "issuing-ca-a";
    /** A responder path that always answers 503: certificates pointing there get no revocation status. */
    static final String UNAVAILABLE = "unavailable";
    static final Instant REVOKED_AT = SandboxLayout.BASE.plus(31, ChronoUnit.DAYS);

    static String ocspUrl(SandboxPki pki, String responder) {
        return pki.settings().baseUrl() + "/" + SandboxLayout.OCSP + "/" + responder;
    }

    static String crlUrl(SandboxPki pki, String ca) {
        return pki.settings().baseUrl() + "/" + SandboxLayout.CRL + "/" + ca + ".crl";
    }

    @Override
    public void generate(SandboxPki pki, SandboxOutput output) {
        KeyAndCertificate issuingA = pki.issuingCaA();
        KeyAndCertificate revoked = CertificateArtefacts.person(pki, "revoked", "Sandbox Revoked Signer", issuingA)
                .ocspUrl(ocspUrl(pki, ISSUING_CA_A)).crlUrl(crlUrl(pki, ISSUING_CA_A)).issue();
        KeyAndCertificate unreachable = CertificateArtefacts.person(pki, "revocation-unknown", "Sandbox Unchecked Signer", issuingA)
                .ocspUrl(ocspUrl(pki, UNAVAILABLE)).issue();
        CertificateArtefacts.writeWithChain(output, SandboxLayout.CERTS + "/revoked.pem", revoked);
        CertificateArtefacts.writeWithChain(output, SandboxLayout.CERTS + "/revocation-unknown.pem", unreachable);

        output.write(SandboxLayout.CRL + "/" + ISSUING_CA_A + ".crl", crl(issuingA, List.of(revoked.certificate().getSerialNumber())));
        String responder = SandboxLayout.OCSP + "/" + ISSUING_CA_A + "/";
        output.writePem(responder + SandboxOcspResponder.CA_FILE, List.of(issuingA.certificate()));
        output.writePem(responder + SandboxOcspResponder.RESPONDER_FILE, List.of(pki.ocspResponderA().certificate()));
        output.write(responder + SandboxOcspResponder.KEY_FILE,
                SandboxOutput.pem("PRIVATE KEY", pki.ocspResponderA().privateKey().getEncoded()));

        declare(output, "qualified-esig.pem", 0, "ok",
                "the qualified eSignature certificate, revocation required: OCSP says good");
        declare(output, "revoked.pem", 1, "certificate_revoked",
                "revoked (keyCompromise) on " + REVOKED_AT + ", before the validation time: OCSP and the CRL say so");
        declare(output, "revocation-unknown.pem", 1, "revocation_unknown",
                "its only OCSP responder answers 503 and it has no CRL: no status, and the policy requires one");
    }

    private static void declare(SandboxOutput output, String fileName, int exit, String code, String description) {
        String path = SandboxLayout.CERTS + "/" + fileName;
        output.declare(new SandboxArtefact(path, SandboxArtefact.Kind.CERTIFICATE,
                SandboxLayout.certVerify(path, "--revocation", "require", SandboxLayout.ALLOW_LOOPBACK_HTTP), exit, code, SandboxArtefact.TrustSource.TL,
                description + " (needs `qtrust sandbox serve`)"));
    }

    private static byte[] crl(KeyAndCertificate ca, List<BigInteger> revokedSerials) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), Date.from(SandboxLayout.BASE));
            builder.setNextUpdate(Date.from(TrustedListsArtefacts.NEXT_UPDATE));
            for (BigInteger serial : revokedSerials) {
                builder.addCRLEntry(serial, Date.from(REVOKED_AT), CRLReason.keyCompromise);
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            return builder.build(DeterministicSignatures.signer(ca.privateKey(),
                    DeterministicSignatures.defaultAlgorithm(ca.privateKey()))).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the CRL", e);
        }
    }
}

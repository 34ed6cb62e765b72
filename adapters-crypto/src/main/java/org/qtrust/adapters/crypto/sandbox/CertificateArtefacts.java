package org.qtrust.adapters.crypto.sandbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.qtrust.adapters.crypto.pki.CertificateBuilder;
import org.qtrust.adapters.crypto.pki.KeyAndCertificate;
import org.qtrust.adapters.crypto.pki.KeyUsage;
import org.qtrust.adapters.crypto.pki.QcStatementsBuilder;

/**
 * End-entity certificates of each kind, one per verdict of {@code qtrust cert verify}: qualified
 * eSignature, eSeal and website certificates, a non-qualified one, expired, not yet valid,
 * under a withdrawn service (before and after the withdrawal), a look-alike issuer, a CA/PKC
 * issuer, a refused list, a broken chain, a weak signature, malformed bytes, and a
 * certificate of a scheme without a list, trusted as a plain anchor.
 */
final class CertificateArtefacts implements ArtefactGenerator {

    static final Instant ISSUED = SandboxLayout.BASE;
    static final Instant EXPIRES = SandboxLayout.BASE.plus(5 * 365, ChronoUnit.DAYS);
    static final String QCP_N = "0.4.0.194112.1.0";
    static final String QCP_L = "0.4.0.194112.1.1";
    static final String QEVCP_W = "0.4.0.194112.1.4";
    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    static final String QUALIFIED_ONLY_POLICY = SandboxLayout.POLICIES + "/qualified-only.json";
    static final String ANCHOR_Z = SandboxLayout.ANCHORS + "/national-root-z.pem";

    @Override
    public void generate(SandboxPki pki, SandboxOutput output) {
        KeyAndCertificate issuingA = pki.issuingCaA();
        String ocspA = RevocationArtefacts.ocspUrl(pki, RevocationArtefacts.ISSUING_CA_A);
        String crlA = RevocationArtefacts.crlUrl(pki, RevocationArtefacts.ISSUING_CA_A);

        certificate(output, "qualified-esig.pem", person(pki, "qualified-esig", "Sandbox Qualified Signer", issuingA)
                .qcStatements(QcStatementsBuilder.create().compliance().sscd().type(QcStatementsBuilder.QCT_ESIGN).encoded())
                .policies(TrustedListsArtefacts.QCP_N_QSCD).ocspUrl(ocspA).crlUrl(crlA).issue(),
                "ok", "qualified certificate for eSignatures on a QSCD (QCERT_FOR_ESIG_QSCD), issuing CA A under the listed root CA A");
        certificate(output, "qualified-eseal.pem", organisation(pki, "qualified-eseal", "Sandbox Sealing Organisation", pki.sealCaB())
                .qcStatements(QcStatementsBuilder.create().compliance().type(QcStatementsBuilder.QCT_ESEAL).encoded())
                .policies(QCP_L).issue(),
                "ok", "qualified certificate for eSeals (QCERT_FOR_ESEAL) under Seal CA B");
        certificate(output, "qualified-qwac.pem", pki.certificate("qualified-qwac", "CN=sandbox.qtrust.invalid,O=Sandbox Web Shop,C=XA")
                .issuedBy(issuingA).endEntity().keyUsage(KeyUsage.DIGITAL_SIGNATURE).extendedKeyUsage(SERVER_AUTH)
                .qcStatements(QcStatementsBuilder.create().compliance().type(QcStatementsBuilder.QCT_WEB).encoded())
                .policies(QEVCP_W).validity(ISSUED, EXPIRES).ocspUrl(ocspA).crlUrl(crlA).issue(),
                "ok", "qualified website authentication certificate (QCERT_FOR_WSA)");
        KeyAndCertificate nonQualified = person(pki, "non-qualified", "Sandbox Ordinary Signer", issuingA)
                .ocspUrl(ocspA).crlUrl(crlA).issue();
        certificate(output, "non-qualified.pem", nonQualified,
                "ok", "certificate without QcStatements from a CA/QC service: trusted by eu-eidas, not qualified (CERT_FOR_UNKNOWN)");
        output.declare(new SandboxArtefact(SandboxLayout.CERTS + "/non-qualified.pem", SandboxArtefact.Kind.CERTIFICATE,
                SandboxLayout.certVerify(SandboxLayout.CERTS + "/non-qualified.pem", "--policy", QUALIFIED_ONLY_POLICY),
                1, "not_qualified_certificate", SandboxArtefact.TrustSource.TL,
                "the same certificate under a policy that requires a qualified certificate"));
        output.write(QUALIFIED_ONLY_POLICY, "{\n  \"name\": \"sandbox-qualified-only\",\n"
                + "  \"description\": \"eu-eidas, and the lists must confirm a qualified certificate at issuance\",\n"
                + "  \"requireQualified\": true\n}\n");

        certificate(output, "expired.pem", person(pki, "expired", "Sandbox Expired Signer", issuingA)
                .validity(SandboxPki.Y2020, SandboxPki.Y2020.plus(365, ChronoUnit.DAYS)).issue(),
                "certificate_expired", "expired in 2020, before the validation time");
        certificate(output, "not-yet-valid.pem", person(pki, "not-yet-valid", "Sandbox Future Signer", issuingA)
                .validity(SandboxLayout.VALIDATION_TIME.plus(365, ChronoUnit.DAYS), EXPIRES.plus(365, ChronoUnit.DAYS)).issue(),
                "certificate_not_yet_valid", "valid only from a year after the validation time");
        certificate(output, "withdrawn-service-before.pem", person(pki, "withdrawn-before", "Sandbox Legacy Signer 2025", pki.legacyCaA())
                .validity(SandboxPki.Y2025, EXPIRES).issue(),
                "ok", "issued in January 2025 by the Legacy QC CA, withdrawn in June 2025: granted at issuance, so trusted");
        certificate(output, "withdrawn-service-after.pem", person(pki, "withdrawn-after", "Sandbox Legacy Signer 2026", pki.legacyCaA())
                .issue(),
                "issuer_not_trusted", "issued in 2026 by the Legacy QC CA after its withdrawal (June 2025)");
        KeyAndCertificate lookAlike = pki.certificate("look-alike-leaf", "CN=Sandbox Look-alike Signer,O=Sandbox Relying Party Tests,C=XA")
                .issuedBy(lookAlikeOf(pki, pki.rootCaA())).endEntity().keyUsage(KeyUsage.NON_REPUDIATION)
                .validity(ISSUED, EXPIRES).issue();
        certificate(output, "look-alike-issuer.pem", lookAlike,
                "issuer_not_trusted", "issuer named exactly like the listed Root CA A, but signed with another key");
        certificate(output, "national-pkc.pem", person(pki, "national-pkc", "Sandbox National Signer", pki.nationalCaB()).issue(),
                "issuer_not_trusted", "issued by a CA/PKC service recognised at national level: eu-eidas accepts CA/QC only");
        certificate(output, "untrusted-list.pem", person(pki, "untrusted-list", "Sandbox XC Signer", pki.caC()).issue(),
                "list_not_trusted", "issued by a CA/QC service of list XC, whose signature is not by the announced signer");
        KeyAndCertificate notACa = pki.certificate("not-a-ca", "CN=Sandbox Not-a-CA A,O=Sandbox Qualified Trust Services A,C=XA")
                .issuedBy(pki.rootCaA()).endEntity().keyUsage(KeyUsage.DIGITAL_SIGNATURE).validity(ISSUED, EXPIRES).issue();
        certificate(output, "broken-chain.pem", person(pki, "broken-chain", "Sandbox Broken Chain Signer", notACa).issue(),
                "invalid_certificate_chain", "its issuer (offered in the file) is an end-entity certificate, not a CA");
        certificate(output, "weak-algorithm.pem", person(pki, "weak-algorithm", "Sandbox SHA-1 Signer", issuingA)
                .signatureAlgorithm("SHA1withECDSA").issue(),
                "weak_algorithm", "signed with SHA-1, no longer accepted for signatures since 2012 (ETSI TS 119 312)");

        byte[] truncated = Arrays.copyOf(encoded(nonQualified), 64);
        output.write(SandboxLayout.CERTS + "/malformed.der", truncated);
        output.declare(new SandboxArtefact(SandboxLayout.CERTS + "/malformed.der", SandboxArtefact.Kind.CERTIFICATE,
                SandboxLayout.certVerify(SandboxLayout.CERTS + "/malformed.der"), 1, "malformed_certificate",
                SandboxArtefact.TrustSource.TL, "the first 64 bytes of a certificate"));

        output.writePem(ANCHOR_Z, List.of(pki.nationalRootZ().certificate()));
        KeyAndCertificate anchored = pki.certificate("anchored", "CN=Sandbox Scheme Z Signer,O=Sandbox Non-EU Scheme Z,C=ZZ")
                .issuedBy(pki.nationalRootZ()).endEntity().keyUsage(KeyUsage.NON_REPUDIATION).validity(ISSUED, EXPIRES).issue();
        output.writePem(SandboxLayout.CERTS + "/anchor-issued.pem", List.of(anchored.certificate()));
        output.declare(new SandboxArtefact(SandboxLayout.CERTS + "/anchor-issued.pem", SandboxArtefact.Kind.CERTIFICATE,
                List.of("cert", "verify", SandboxLayout.CERTS + "/anchor-issued.pem", "--trust-anchor", "ZZ=" + ANCHOR_Z,
                        "--at", SandboxLayout.VALIDATION_TIME.toString()),
                0, "ok", SandboxArtefact.TrustSource.ANCHOR,
                "issued by the national root of scheme ZZ, which has no trusted list: trusted through --trust-anchor"));
    }

    static CertificateBuilder person(SandboxPki pki, String keyName, String commonName, KeyAndCertificate issuer) {
        return pki.certificate(keyName, "CN=" + commonName + ",O=Sandbox Relying Party Tests,C=XA").issuedBy(issuer)
                .endEntity().keyUsage(KeyUsage.NON_REPUDIATION).validity(ISSUED, EXPIRES);
    }

    private static CertificateBuilder organisation(SandboxPki pki, String keyName, String name, KeyAndCertificate issuer) {
        return pki.certificate(keyName, "CN=" + name + ",O=" + name + ",C=XB").issuedBy(issuer)
                .endEntity().keyUsage(KeyUsage.NON_REPUDIATION).validity(ISSUED, EXPIRES);
    }

    /** A CA with the same name as {@code genuine} and another key. */
    private static KeyAndCertificate lookAlikeOf(SandboxPki pki, KeyAndCertificate genuine) {
        return pki.certificate("look-alike-ca", genuine.certificate().getSubjectX500Principal().getName()).selfSigned()
                .ca(-1).keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).validity(SandboxPki.Y2015, SandboxPki.Y2040).issue();
    }

    /** Writes the leaf and the intermediates a relying party would receive with it (not the self-signed top). */
    static void writeWithChain(SandboxOutput output, String path, KeyAndCertificate leaf) {
        List<java.security.cert.X509Certificate> offered = leaf.chain().stream()
                .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())).toList();
        output.writePem(path, offered);
    }

    private static void certificate(SandboxOutput output, String fileName, KeyAndCertificate leaf, String code, String description) {
        String path = SandboxLayout.CERTS + "/" + fileName;
        writeWithChain(output, path, leaf);
        output.declare(new SandboxArtefact(path, SandboxArtefact.Kind.CERTIFICATE, SandboxLayout.certVerify(path),
                "ok".equals(code) ? 0 : 1, code, SandboxArtefact.TrustSource.TL, description));
    }

    private static byte[] encoded(KeyAndCertificate credential) {
        try {
            return credential.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

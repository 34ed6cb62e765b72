package org.qtrust.adapters.crypto.sandbox;

import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qtrust.adapters.crypto.issuance.ClaimSet;
import org.qtrust.adapters.crypto.issuance.IssuedSdJwt;
import org.qtrust.adapters.crypto.issuance.JwsSigner;
import org.qtrust.adapters.crypto.issuance.KeyBinding;
import org.qtrust.adapters.crypto.issuance.SdJwtIssuer;
import org.qtrust.adapters.crypto.issuance.StatusListTokens;
import org.qtrust.adapters.crypto.pki.KeyAndCertificate;
import org.qtrust.adapters.crypto.pki.QcStatementsBuilder;
import org.qtrust.adapters.crypto.pki.KeyUsage;
import org.qtrust.adapters.crypto.pki.QcStatementsBuilder;

/**
 * SD-JWT VC presentations ({@code dc+sd-jwt} with a KB-JWT for the sandbox's audience and nonce):
 * a PID of PID Provider A (PID providers list), an attestation of the EAA/Q service of list XB,
 * PIDs signed with a qualified e-signature and a website certificate (refused: not a PID
 * provider, issue 13), and attestations of XB's EAA/Q service for each other rejection code, one
 * per rejection code of {@code credential verify} the sandbox can produce, including revoked and
 * suspended ones through a status list token that {@code qtrust sandbox serve} publishes.
 *
 * <p>Salts derive from the seed and ECDSA signatures are RFC 6979 ones, so the same seed gives
 * byte-identical credentials and status list token.
 */
final class CredentialArtefacts implements ArtefactGenerator {

    static final String PID_VCT = "urn:eudi:pid:1";
    static final String DIPLOMA_VCT = "urn:eudi:sandbox:diploma:1";
    static final Instant ISSUED = SandboxLayout.BASE.plus(30, ChronoUnit.DAYS);
    static final Instant EXPIRES = SandboxLayout.BASE.plus(2 * 365, ChronoUnit.DAYS);
    static final String STATUS_LIST = "credentials.jwt";
    /** A status list token signed by a trusted certificate of another issuer (issue 13.4). */
    static final String FOREIGN_STATUS_LIST = "other-signer.jwt";
    /** The issuer name of Attestation Issuer B in its identifier ({@code …/issuers/attestation-b}). */
    static final String ATTESTATION_ISSUER = "attestation-b";
    /** Status list indices: 0 valid, 1 invalid (revoked), 2 suspended (2 bits per entry). */
    static final int VALID = 0;
    static final int REVOKED = 1;
    static final int SUSPENDED = 2;
    /** eu-eidas accepts CA/QC issuers only; attestation issuers are EAA/Q services. */
    static final String ATTESTATIONS_POLICY = SandboxLayout.POLICIES + "/attestations.json";

    @Override
    public void generate(SandboxPki pki, SandboxOutput output) {
        KeyAndCertificate issuer = pki.attestationIssuerB();
        String iss = issuerId(pki);
        KeyPair holder = pki.key("holder");
        output.write(ATTESTATIONS_POLICY, "{\n  \"name\": \"sandbox-attestations\",\n"
                + "  \"description\": \"eu-eidas, and certificates of EAA/Q services count too; wallet credential issuers follow "
                + "the built-in credentialIssuers rules (a PID only from a PID provider, an attestation from EAA/Q or EAA/Pub-EAA)\",\n"
                + "  \"acceptedServiceTypes\": [\"CA/QC\", \"EAA/Q\"]\n}\n");

        // Issue 13: a PID only through a PID provider — PID Provider A of the PID providers list, with the trusted lists too.
        KeyAndCertificate pidProvider = pki.pidProviderA();
        String pidIss = SandboxLayout.issuerId(pki.settings(), LoteArtefacts.PID_PROVIDER_A);
        String pidPath = SandboxLayout.CREDENTIALS + "/pid.sdjwt";
        output.write(pidPath, present(issuer(pki, pidProvider, "pid").issue(pid(pidIss, holder)), holder));
        output.declare(new SandboxArtefact(pidPath, SandboxArtefact.Kind.CREDENTIAL, SandboxLayout.credentialVerify(pidPath,
                SandboxLayout.listAndLoteOptions("--policy", ATTESTATIONS_POLICY)), 0, "ok", SandboxArtefact.TrustSource.LOTE,
                "PID SD-JWT VC (" + PID_VCT + ") of PID Provider A, found on the PID providers list (the trusted lists loaded too), "
                        + "disclosures and KB-JWT for the sandbox verifier"));
        KeyAndCertificate issuingA = pki.issuingCaA();
        KeyAndCertificate esignature = pki.certificate("pid-by-esig", "CN=Sandbox Qualified Signer 2,O=Sandbox Relying Party Tests,C=XA")
                .issuedBy(issuingA).endEntity().keyUsage(KeyUsage.NON_REPUDIATION).validity(SandboxPki.Y2025, SandboxPki.Y2035)
                .qcStatements(QcStatementsBuilder.create().compliance().sscd().type(QcStatementsBuilder.QCT_ESIGN).encoded()).issue();
        credential(output, "pid-qualified-esig.sdjwt", present(issuer(pki, esignature, List.of(esignature, issuingA), "pid-qualified-esig")
                        .issue(pid(iss, holder)), holder), "issuer_not_trusted",
                "PID signed with the key of a qualified e-signature certificate of the CA/QC service of XA: holding a qualified "
                        + "certificate is no licence to issue PIDs (the trace names the role needed and the service found)");
        KeyAndCertificate website = pki.certificate("pid-by-qwac", "CN=shop.sandbox.qtrust.invalid,O=Sandbox Web Shop,C=XA")
                .issuedBy(issuingA).endEntity().keyUsage(KeyUsage.DIGITAL_SIGNATURE).validity(SandboxPki.Y2025, SandboxPki.Y2035)
                .qcStatements(QcStatementsBuilder.create().compliance().type(QcStatementsBuilder.QCT_WEB).encoded()).issue();
        credential(output, "pid-website.sdjwt", present(issuer(pki, website, List.of(website, issuingA), "pid-website")
                        .issue(pid(iss, holder)), holder), "issuer_not_trusted",
                "PID signed with the key of a qualified website certificate (QWAC) of the CA/QC service of XA: not a PID provider");
        credential(output, "attestation.sdjwt", present(issuer(pki, issuer, "attestation").issue(diploma(iss, holder)), holder),
                "ok", "attestation-like SD-JWT VC (" + DIPLOMA_VCT + "), nested disclosable claims, holder bound");
        output.write(SandboxLayout.CREDENTIALS + "/malformed.sdjwt", "this is not an SD-JWT\n");
        declare(output, "malformed.sdjwt", "malformed_credential", "plain text, not <issuer-jwt>~<disclosures>~<kb-jwt>");
        credential(output, "missing-x5c.sdjwt", present(issuer(pki, issuer, "missing-x5c").header("x5c", null).issue(diploma(iss, holder)), holder),
                "missing_certificate_chain", "no x5c header: nothing ties the issuer key to a listed service");
        // Under the listed key of the EAA/Q service (the role holds), expired on 2025-10-28 (the chain does not).
        KeyAndCertificate expired = pki.certificate("eaa-b-expired", "CN=Sandbox Expired Attestation Signer B,O=Sandbox Trust B,C=XB")
                .issuedBy(issuer).endEntity().keyUsage(KeyUsage.DIGITAL_SIGNATURE)
                .validity(SandboxPki.Y2025.plus(30, ChronoUnit.DAYS), SandboxPki.Y2025.plus(300, ChronoUnit.DAYS)).issue();
        credential(output, "invalid-chain.sdjwt", present(issuer(pki, expired, List.of(expired, issuer), "invalid-chain")
                        .issue(diploma(iss, holder)), holder),
                "invalid_certificate_chain", "its x5c leaf, issued under the listed key of the EAA/Q service of XB, expired on 2025-10-28");
        KeyAndCertificate unlistedIssuer = pki.certificate("eaa-z", "CN=Sandbox Attestation Issuer Z,O=Sandbox Non-EU Scheme Z,C=ZZ")
                .issuedBy(pki.nationalRootZ()).endEntity().keyUsage(KeyUsage.DIGITAL_SIGNATURE)
                .validity(SandboxPki.Y2025, SandboxPki.Y2035).issue();
        credential(output, "issuer-not-trusted.sdjwt", present(issuer(pki, unlistedIssuer, "issuer-not-trusted").issue(diploma(iss, holder)), holder),
                "issuer_not_trusted", "its issuer certificate chains to National Root Z, which no trusted list names");
        String signed = issuer(pki, issuer, "invalid-signature").issue(diploma(iss, holder)).issuance();
        IssuedSdJwt other = issuer(pki, issuer, "other").issue(diploma(iss, holder));
        String otherSignature = other.issuerJwt().substring(other.issuerJwt().lastIndexOf('.'));
        String forged = signed.substring(0, signed.lastIndexOf('.', signed.indexOf('~'))) + otherSignature + signed.substring(signed.indexOf('~'));
        credential(output, "invalid-signature.sdjwt", keyBinding(holder).bind(forged),
                "invalid_signature", "the issuer JWT carries the signature of another credential of the same issuer");
        credential(output, "expired.sdjwt", present(issuer(pki, issuer, "expired").issue(diploma(iss, holder)
                        .claim("exp", SandboxLayout.BASE.plus(60, ChronoUnit.DAYS).getEpochSecond())), holder),
                "credential_expired", "exp two months after issuance, before the validation time");
        IssuedSdJwt valid = issuer(pki, issuer, "invalid-disclosure").issue(diploma(iss, holder));
        String foreignDisclosure = other.disclosure("family_name").encoded();
        credential(output, "invalid-disclosure.sdjwt", keyBinding(holder).bind(valid.issuance() + foreignDisclosure + "~"),
                "invalid_disclosure", "carries a disclosure of another credential, whose digest is in no _sd array");
        credential(output, "invalid-holder-binding.sdjwt", present(issuer(pki, issuer, "invalid-holder-binding").issue(diploma(iss, holder)),
                        pki.key("holder-thief")),
                "invalid_holder_binding", "the KB-JWT is signed with a key other than the credential's cnf.jwk");

        // Issue 13.5: strict JOSE and SD-JWT VC.
        credential(output, "exp-in-disclosure.sdjwt", present(issuer(pki, issuer, "exp-in-disclosure").issue(diploma(iss, holder)
                        .without("exp").disclosable("exp", EXPIRES.getEpochSecond())), holder),
                "invalid_disclosure", "exp arrives through a disclosure: it must not be selectively disclosed "
                        + "(draft-ietf-oauth-sd-jwt-vc §3.2.2.2), else a holder could withhold it");
        String statusUri = pki.settings().baseUrl() + "/" + SandboxLayout.STATUS + "/" + STATUS_LIST;
        credential(output, "status-in-disclosure.sdjwt", present(issuer(pki, issuer, "status-in-disclosure").issue(diploma(iss, holder)
                        .disclosable("status", status(statusUri, REVOKED))), holder),
                "invalid_disclosure", "its status list reference (a revoked entry) arrives through a disclosure, which a holder "
                        + "could simply leave out (draft-ietf-oauth-sd-jwt-vc §3.2.2.2)");
        credential(output, "unknown-crit.sdjwt", present(issuer(pki, issuer, "unknown-crit")
                        .header("crit", List.of("urn:example:must-understand")).header("urn:example:must-understand", true)
                        .issue(diploma(iss, holder)), holder),
                "malformed_credential", "its header's crit names an extension this verifier does not understand (RFC 7515 §4.1.11)");
        credential(output, "typ-application.sdjwt", present(issuer(pki, issuer, "typ-application").type("application/dc+sd-jwt")
                        .issue(diploma(iss, holder)), holder),
                "ok", "typ application/dc+sd-jwt: the same media type as dc+sd-jwt (RFC 7515 §4.1.9)");
        // Issue 13.2: iss bound to the signing key. Attestation Issuer B's certificate names its iss on 127.0.0.1 (SAN URI);
        // this credential claims an issuer on localhost — another origin — that publishes no metadata.
        String unbound = pki.settings().baseUrl().replace("127.0.0.1", "localhost") + "/" + SandboxLayout.ISSUERS + "/not-bound";
        credential(output, "iss-not-bound.sdjwt", present(issuer(pki, issuer, "iss-not-bound").issue(diploma(unbound, holder)), holder),
                "issuer_not_bound", "its iss (" + unbound + ") is not the origin its issuer's certificate names (SAN URI " + iss
                        + "), and no issuer metadata publishes the key for it: anyone trusted to issue could otherwise claim "
                        + "another issuer's name");

        output.write(SandboxLayout.STATUS + "/" + STATUS_LIST, StatusListTokens.token(
                JwsSigner.deterministic(issuer.privateKey(), "ES256", List.of(issuer.certificate())), statusUri, ISSUED, null,
                2, VALID, REVOKED, SUSPENDED));
        statusCredential(output, "status-valid.sdjwt", present(issuer(pki, issuer, "status-valid")
                        .issue(diploma(iss, holder).claim("status", status(statusUri, VALID))), holder),
                "ok", "status list entry 0 is VALID");
        statusCredential(output, "revoked.sdjwt", present(issuer(pki, issuer, "revoked")
                        .issue(diploma(iss, holder).claim("status", status(statusUri, REVOKED))), holder),
                "credential_revoked", "status list entry 1 is INVALID (revoked)");
        statusCredential(output, "suspended.sdjwt", present(issuer(pki, issuer, "suspended")
                        .issue(diploma(iss, holder).claim("status", status(statusUri, SUSPENDED))), holder),
                "credential_suspended", "status list entry 2 is SUSPENDED");
        String missingUri = pki.settings().baseUrl() + "/" + SandboxLayout.STATUS + "/withdrawn.jwt";
        statusCredential(output, "status-unavailable.sdjwt", present(issuer(pki, issuer, "status-unavailable")
                        .issue(diploma(iss, holder).claim("status", status(missingUri, VALID))), holder),
                "credential_status_unavailable", "its status list is not published (HTTP 404): fail closed");
        // Issue 13.4: a status list signed by another issuer — a certificate the policy trusts (a qualified signer under
        // Issuing CA A of list XA), but not the credential's issuer (Attestation Issuer B of XB): refused.
        KeyAndCertificate otherSigner = CertificateArtefacts.person(pki, "other-status-signer", "Sandbox Other Status Signer",
                pki.issuingCaA()).qcStatements(QcStatementsBuilder.create().compliance().sscd().type(QcStatementsBuilder.QCT_ESIGN)
                .encoded()).policies(TrustedListsArtefacts.QCP_N_QSCD).issue();
        String foreignUri = pki.settings().baseUrl() + "/" + SandboxLayout.STATUS + "/" + FOREIGN_STATUS_LIST;
        output.write(SandboxLayout.STATUS + "/" + FOREIGN_STATUS_LIST, StatusListTokens.token(
                JwsSigner.deterministic(otherSigner.privateKey(), "ES256", List.of(otherSigner.certificate(), pki.issuingCaA().certificate())),
                foreignUri, ISSUED,
                null, 2, VALID, VALID, VALID));
        statusCredential(output, "status-signed-by-another-issuer.sdjwt", present(issuer(pki, issuer, "status-foreign-signer")
                        .issue(diploma(iss, holder).claim("status", status(foreignUri, VALID))), holder),
                "credential_status_unavailable", "its status list token is signed by another issuer's trusted certificate "
                        + "(Sandbox Other Status Signer, list XA), not by the credential's issuer: a chain the policy trusts is not enough");
    }

    /** The issuer identifier: an http URL of the sandbox server, whose metadata `serve` publishes at its well-known locations. */
    static String issuerId(SandboxPki pki) {
        return SandboxLayout.issuerId(pki.settings(), ATTESTATION_ISSUER);
    }

    /**
     * An SD-JWT VC issuer signing ES256 with {@code signer}'s key and x5c [its certificate], reproducibly:
     * RFC 6979 ECDSA, and salts derived from the seed and {@code label} (one label per issued credential).
     */
    static SdJwtIssuer issuer(SandboxPki pki, KeyAndCertificate signer, String label) {
        return issuer(pki, signer, List.of(signer), label);
    }

    /** As above, with x5c = the certificates of {@code chain} (the signer's first). */
    static SdJwtIssuer issuer(SandboxPki pki, KeyAndCertificate signer, List<KeyAndCertificate> chain, String label) {
        return new SdJwtIssuer(JwsSigner.deterministic(signer.privateKey(), "ES256",
                chain.stream().map(KeyAndCertificate::certificate).toList())).salts(pki.salts(label));
    }

    static ClaimSet pid(String iss, KeyPair holder) {
        return pid(iss, holder, ISSUED);
    }

    static ClaimSet pid(String iss, KeyPair holder, Instant issued) {
        return ClaimSet.create().claim("iss", iss).claim("vct", PID_VCT)
                .claim("iat", issued.getEpochSecond()).claim("exp", EXPIRES.getEpochSecond())
                .claim("cnf", SdJwtIssuer.confirmation(holder.getPublic()))
                .disclosable("given_name", "Erika").disclosable("family_name", "Mustermann")
                .disclosable("birthdate", "1984-01-26").disclosable("nationalities", List.of("XB"))
                .disclosable("age_equal_or_over", ClaimSet.create().disclosable("18", true))
                .decoys(2);
    }

    static ClaimSet diploma(String iss, KeyPair holder) {
        return ClaimSet.create().claim("iss", iss).claim("vct", DIPLOMA_VCT)
                .claim("iat", ISSUED.getEpochSecond()).claim("exp", EXPIRES.getEpochSecond())
                .claim("cnf", SdJwtIssuer.confirmation(holder.getPublic()))
                .disclosable("given_name", "Erika").disclosable("family_name", "Mustermann")
                .disclosable("degree", ClaimSet.create().claim("type", "Master of Science").disclosable("field", "Cryptography"))
                .disclosable("awarded", "2010-07-01");
    }

    static Map<String, Object> status(String uri, int index) {
        Map<String, Object> reference = new LinkedHashMap<>(); // member order fixed, so the credential's bytes are too
        reference.put("idx", index);
        reference.put("uri", uri);
        return Map.of("status_list", reference);
    }

    /** Every disclosure revealed, bound to the sandbox verifier with a KB-JWT of {@code holder}. */
    static String present(IssuedSdJwt credential, KeyPair holder) {
        return keyBinding(holder).bind(credential.issuance());
    }

    static KeyBinding keyBinding(KeyPair holder) {
        return KeyBinding.signedWith(JwsSigner.deterministic(holder.getPrivate(), "ES256", List.of())).audience(SandboxLayout.AUDIENCE)
                .nonce(SandboxLayout.NONCE).issuedAt(SandboxLayout.VALIDATION_TIME);
    }

    private static void credential(SandboxOutput output, String fileName, String presentation, String code, String description) {
        output.write(SandboxLayout.CREDENTIALS + "/" + fileName, presentation);
        declare(output, fileName, code, description);
    }

    private static void declare(SandboxOutput output, String fileName, String code, String description) {
        String path = SandboxLayout.CREDENTIALS + "/" + fileName;
        output.declare(new SandboxArtefact(path, SandboxArtefact.Kind.CREDENTIAL, SandboxLayout.credentialVerify(path, "--policy", ATTESTATIONS_POLICY),
                code.equals("ok") ? 0 : 1, code, SandboxArtefact.TrustSource.TL, description));
    }

    private static void statusCredential(SandboxOutput output, String fileName, String presentation, String code, String description) {
        String path = SandboxLayout.STATUS_CREDENTIALS + "/" + fileName;
        output.write(path, presentation);
        output.declare(new SandboxArtefact(path, SandboxArtefact.Kind.CREDENTIAL, SandboxLayout.credentialVerify(path, "--policy", ATTESTATIONS_POLICY),
                code.equals("ok") ? 0 : 1, code, SandboxArtefact.TrustSource.TL, description + " (needs `qtrust sandbox serve`)"));
    }
}

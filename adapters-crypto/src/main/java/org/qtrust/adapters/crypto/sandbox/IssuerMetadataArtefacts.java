package org.qtrust.adapters.crypto.sandbox;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.qtrust.adapters.crypto.issuance.SdJwtIssuer;
import org.qtrust.adapters.crypto.pki.KeyAndCertificate;

/**
 * The metadata every sandbox issuer publishes about itself, which {@code qtrust sandbox serve}
 * answers at the well-known locations of its identifier ({@code http://127.0.0.1:<port>/issuers/<name>}):
 * {@code /.well-known/jwt-vc-issuer/issuers/<name>} (draft-ietf-oauth-sd-jwt-vc §5: {@code issuer} and
 * {@code jwks} with the signing key) and {@code /.well-known/openid-credential-issuer/issuers/<name>}
 * (OpenID4VCI §12.2: {@code credential_issuer}, the credential endpoint and the configurations it issues).
 *
 * <p>Two more issuers of Attestation Issuer B's key publish metadata that does not match, so their
 * credentials get {@code issuer_metadata_mismatch} — when the metadata is fetched: with
 * {@code serve} running and {@code --allow-loopback-http}.
 */
final class IssuerMetadataArtefacts implements ArtefactGenerator {

    static final String JWT_VC_ISSUER = "jwt-vc-issuer";
    static final String OPENID_CREDENTIAL_ISSUER = "openid-credential-issuer";
    /** Its jwt-vc-issuer metadata declares Attestation Issuer B's identifier instead of its own. */
    static final String MISNAMED = "misnamed-b";
    /** Its jwt-vc-issuer metadata publishes only a key that did not sign its credentials. */
    static final String KEY_NOT_PUBLISHED = "key-not-published-b";

    @Override
    public void generate(SandboxPki pki, SandboxOutput output) {
        SandboxSettings settings = pki.settings();
        KeyAndCertificate attestations = pki.attestationIssuerB();
        String attestationIssuer = SandboxLayout.issuerId(settings, CredentialArtefacts.ATTESTATION_ISSUER);
        publish(output, CredentialArtefacts.ATTESTATION_ISSUER, attestationIssuer, attestations.certificate().getPublicKey(),
                CredentialArtefacts.PID_VCT, CredentialArtefacts.DIPLOMA_VCT);
        publish(output, LoteArtefacts.PID_PROVIDER_A, SandboxLayout.issuerId(settings, LoteArtefacts.PID_PROVIDER_A),
                pki.pidProviderA().certificate().getPublicKey(), CredentialArtefacts.PID_VCT);
        publish(output, LoteArtefacts.PID_PROVIDER_W, SandboxLayout.issuerId(settings, LoteArtefacts.PID_PROVIDER_W),
                pki.pidProviderW().certificate().getPublicKey(), CredentialArtefacts.PID_VCT);

        String misnamed = SandboxLayout.issuerId(settings, MISNAMED);
        write(output, MISNAMED, JWT_VC_ISSUER, jwtVcIssuer(attestationIssuer, attestations.certificate().getPublicKey()));
        write(output, MISNAMED, OPENID_CREDENTIAL_ISSUER, credentialIssuer(misnamed, CredentialArtefacts.PID_VCT));
        String keyNotPublished = SandboxLayout.issuerId(settings, KEY_NOT_PUBLISHED);
        write(output, KEY_NOT_PUBLISHED, JWT_VC_ISSUER, jwtVcIssuer(keyNotPublished, pki.key("eaa-b-next").getPublic()));
        write(output, KEY_NOT_PUBLISHED, OPENID_CREDENTIAL_ISSUER, credentialIssuer(keyNotPublished, CredentialArtefacts.PID_VCT));

        KeyPair holder = pki.key("holder");
        credential(output, "wrong-issuer.sdjwt", CredentialArtefacts.present(CredentialArtefacts.issuer(pki, attestations,
                        "metadata/wrong-issuer").issue(CredentialArtefacts.diploma(misnamed, holder)), holder),
                "iss …/issuers/" + MISNAMED + ", whose jwt-vc-issuer metadata declares the issuer …/issuers/"
                        + CredentialArtefacts.ATTESTATION_ISSUER);
        credential(output, "key-not-published.sdjwt", CredentialArtefacts.present(CredentialArtefacts.issuer(pki, attestations,
                        "metadata/key-not-published").issue(CredentialArtefacts.diploma(keyNotPublished, holder)), holder),
                "iss …/issuers/" + KEY_NOT_PUBLISHED + ", whose jwt-vc-issuer jwks lacks the key that signed it (Attestation Issuer B's)");
    }

    /** Both documents of an issuer whose metadata matches its credentials. */
    private static void publish(SandboxOutput output, String name, String issuer, PublicKey signingKey, String... vcts) {
        write(output, name, JWT_VC_ISSUER, jwtVcIssuer(issuer, signingKey));
        write(output, name, OPENID_CREDENTIAL_ISSUER, credentialIssuer(issuer, vcts));
    }

    private static Map<String, Object> jwtVcIssuer(String issuer, PublicKey key) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("jwks", Map.of("keys", List.of(SdJwtIssuer.publicJwk(key))));
        return document;
    }

    /** OpenID4VCI §12.2.4; the credential endpoint is named, not served (the sandbox issues nothing over HTTP). */
    private static Map<String, Object> credentialIssuer(String issuer, String... vcts) {
        Map<String, Object> configurations = new LinkedHashMap<>();
        for (String vct : vcts) {
            Map<String, Object> configuration = new LinkedHashMap<>();
            configuration.put("format", "dc+sd-jwt");
            configuration.put("vct", vct);
            configuration.put("cryptographic_binding_methods_supported", List.of("jwk"));
            configuration.put("credential_signing_alg_values_supported", List.of("ES256"));
            configurations.put(vct.replaceAll("[^A-Za-z0-9]+", "_"), configuration);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("credential_issuer", issuer);
        document.put("credential_endpoint", issuer + "/credential");
        document.put("credential_configurations_supported", configurations);
        return document;
    }

    private static void write(SandboxOutput output, String issuerName, String kind, Map<String, Object> document) {
        output.write(SandboxLayout.METADATA + "/" + issuerName + "/" + kind + ".json", JsonUtil.toJson(document) + "\n");
    }

    private static void credential(SandboxOutput output, String fileName, String presentation, String description) {
        String path = SandboxLayout.METADATA_CREDENTIALS + "/" + fileName;
        output.write(path, presentation);
        output.declare(new SandboxArtefact(path, SandboxArtefact.Kind.CREDENTIAL,
                SandboxLayout.credentialVerify(path, "--policy", CredentialArtefacts.ATTESTATIONS_POLICY), 1, "issuer_metadata_mismatch",
                SandboxArtefact.TrustSource.TL, description + " (needs `qtrust sandbox serve`; without it the metadata cannot be fetched, "
                        + "which is noted, not refused)"));
    }
}

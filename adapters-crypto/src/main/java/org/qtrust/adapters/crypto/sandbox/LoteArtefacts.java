package org.qtrust.adapters.crypto.sandbox;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.qtrust.adapters.crypto.issuance.ClaimSet;
import org.qtrust.adapters.crypto.lotewriter.LoteWriter;
import org.qtrust.adapters.crypto.pki.KeyAndCertificate;

/**
 * An EU PID providers list (ETSI TS 119 602 Annex D, JSON signed as a compact JWS by the sandbox
 * LoTE signer, whose certificate is the anchor {@code anchors/lote-signer.pem}) with two PID
 * providers: A, listed, and W, whose service was withdrawn on {@link #WITHDRAWN_SINCE}. A PID
 * credential of A verifies through the list ({@code trustSource: LoTE}); one W issued after the
 * withdrawal gets {@code issuer_not_trusted}.
 */
final class LoteArtefacts implements ArtefactGenerator {

    static final Instant NOTIFIED_SINCE = SandboxPki.Y2025;
    static final Instant WITHDRAWN_SINCE = Instant.parse("2026-02-01T00:00:00Z");
    static final Instant ISSUED_AFTER_WITHDRAWAL = Instant.parse("2026-03-01T00:00:00Z");
    static final String LOTE_CREDENTIALS = SandboxLayout.CREDENTIALS + "/lote";
    /** Issuer names in the PID providers' identifiers ({@code …/issuers/pid-a}). */
    static final String PID_PROVIDER_A = "pid-a";
    static final String PID_PROVIDER_W = "pid-w";

    @Override
    public void generate(SandboxPki pki, SandboxOutput output) {
        KeyAndCertificate providerA = pki.pidProviderA();
        KeyAndCertificate providerW = pki.pidProviderW();
        String list = LoteWriter.pidProviders().sequenceNumber(1).issued(SandboxLayout.BASE)
                .nextUpdate(TrustedListsArtefacts.NEXT_UPDATE).operator("Sandbox PID Providers List Operator")
                .entity("Sandbox PID Provider A",
                        LoteWriter.service("Sandbox PID A issuance", LoteWriter.PID_ISSUANCE, providerA.certificate()),
                        LoteWriter.service("Sandbox PID A mdoc issuance (IACA)", LoteWriter.PID_ISSUANCE, pki.pidIacaA().certificate()))
                .entity("Sandbox PID Provider W",
                        LoteWriter.service("Sandbox PID W issuance", LoteWriter.PID_ISSUANCE, providerW.certificate())
                                .status(LoteWriter.WITHDRAWN, WITHDRAWN_SINCE).history(LoteWriter.NOTIFIED, NOTIFIED_SINCE))
                .signedJson(pki.loteSigner().privateKey(), pki.loteSigner().certificate());
        output.write(SandboxLayout.PID_PROVIDERS, list);
        output.writePem(SandboxLayout.LOTE_ANCHOR, List.of(pki.loteSigner().certificate()));

        List<String> load = new ArrayList<>(List.of("lists", "load"));
        load.addAll(SandboxLayout.loteOptions());
        load.add("--json");
        output.declare(new SandboxArtefact(SandboxLayout.PID_PROVIDERS, SandboxArtefact.Kind.LIST, load, 0, "ok",
                SandboxArtefact.TrustSource.LOTE, "EU PID providers list (TS 119 602 Annex D, JSON/JWS) signed by the "
                + "sandbox LoTE signer: PID Provider A, and PID Provider W withdrawn on " + WITHDRAWN_SINCE));

        KeyPair holder = pki.key("holder");
        String iss = SandboxLayout.issuerId(pki.settings(), PID_PROVIDER_A);
        credential(output, "pid.sdjwt", CredentialArtefacts.present(CredentialArtefacts.issuer(pki, providerA, "lote/pid")
                        .issue(CredentialArtefacts.pid(iss, holder)), holder), "ok",
                "PID credential of PID Provider A, trusted through the PID providers list");
        ClaimSet afterWithdrawal = CredentialArtefacts.pid(SandboxLayout.issuerId(pki.settings(), PID_PROVIDER_W), holder, ISSUED_AFTER_WITHDRAWAL);
        credential(output, "pid-withdrawn-before-issuance.sdjwt", CredentialArtefacts.present(CredentialArtefacts.issuer(pki, providerW,
                        "lote/pid-withdrawn-before-issuance").issue(afterWithdrawal), holder), "issuer_not_trusted",
                "PID credential issued on " + ISSUED_AFTER_WITHDRAWAL + " by PID Provider W, withdrawn from the list on " + WITHDRAWN_SINCE);
    }

    private static void credential(SandboxOutput output, String fileName, String presentation, String code, String description) {
        String path = LOTE_CREDENTIALS + "/" + fileName;
        output.write(path, presentation);
        output.declare(new SandboxArtefact(path, SandboxArtefact.Kind.CREDENTIAL,
                SandboxLayout.credentialVerify(path, SandboxLayout.loteOptions()), code.equals("ok") ? 0 : 1, code,
                SandboxArtefact.TrustSource.LOTE, description));
    }
}

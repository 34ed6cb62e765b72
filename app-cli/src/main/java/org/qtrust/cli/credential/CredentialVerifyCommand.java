package org.qtrust.cli.credential;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.qtrust.adapters.crypto.mdoc.JacksonCborCodec;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.cert.DecisionSetup;
import org.qtrust.cli.json.Json;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.cli.options.OfflineListOptions;
import org.qtrust.cli.options.LoteOptions;
import org.qtrust.core.credential.CredentialCheck;
import org.qtrust.core.credential.CredentialStatusMode;
import org.qtrust.core.credential.CredentialVerdict;
import org.qtrust.core.credential.IssuerUrlRule;
import org.qtrust.core.credential.mdoc.MdocCheck;
import org.qtrust.core.credential.mdoc.MdocVerdict;
import org.qtrust.core.credential.mdoc.SessionTranscript;
import org.qtrust.core.credential.presentation.SdJwtPresentation;
import picocli.CommandLine.Command;
import org.qtrust.cli.options.HttpOptions;
import org.qtrust.core.revocation.RevocationMode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qtrust credential verify FILE [--aud A] [--nonce N] [--at INSTANT] [--require-key-binding]
 * [--policy …] [--issuer-key JWK_FILE | --trust-anchor FILE… | <list options>] [--allow-loopback-http] [--json]}: exit 0
 * when the credential is valid, 1 when it is not, 2 on unusable input.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify an SD-JWT VC presentation: form, x5c issuer chain under the policy and trusted lists, signature, "
                + "validity times, disclosures, key binding, issuer metadata and status list — or an mdoc (ISO/IEC 18013-5 mso_mdoc: "
                + "issuerAuth, MSO, digests, device authentication, status) (docs/credentials.md).")
public final class CredentialVerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The presentation (<issuer-jwt>~<disclosure>~…~[<kb-jwt>], or an mdoc DeviceResponse "
            + "as CBOR or base64url); '-' reads standard input.")
    String file;

    @Option(names = "--aud", paramLabel = "A", description = "This verifier's identifier, which the KB-JWT's aud must equal.")
    String audience;

    @Option(names = "--nonce", paramLabel = "N", description = "The nonce this verifier gave the holder, which the KB-JWT's nonce must equal.")
    String nonce;

    @Option(names = "--require-key-binding", description = "Refuse a presentation without a KB-JWT (an mdoc without a verified device signature).")
    boolean requireKeyBinding;

    @Option(names = "--clock-skew", paramLabel = "SECONDS", defaultValue = "60",
            description = "Tolerance for exp, nbf and iat (default ${DEFAULT-VALUE}).")
    long clockSkewSeconds;

    @Option(names = "--kb-max-age", paramLabel = "SECONDS", defaultValue = "300",
            description = "How old a KB-JWT may be (default ${DEFAULT-VALUE}).")
    long keyBindingMaxAgeSeconds;

    @Option(names = "--presented-at", paramLabel = "INSTANT",
            description = "Judge the KB-JWT's freshness as if the presentation had been received at this instant instead of now "
                    + "(re-checking recorded presentations: sandboxes, tests). --at never moves it: it only moves the time at "
                    + "which trust and status are judged.")
    Instant presentedAt;

    @Option(names = "--policy", paramLabel = "eu-eidas|FILE", defaultValue = DecisionSetup.EU_EIDAS,
            description = "The policy the issuer certificate is decided under (default ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--issuer-key", paramLabel = "JWK_FILE",
            description = "Verify as a plain SD-JWT (RFC 9901) signed by this key: no chain, typ, vct, metadata or status (interop testing).")
    Path issuerKey;

    @Option(names = "--trust-anchor", paramLabel = "[LABEL=]FILE",
            description = "Trust the x5c chain when it ends at this certificate (a scheme without a trusted list).")
    List<String> trustAnchors = new ArrayList<>();

    @Option(names = "--no-fetch", description = "Do not fetch issuer metadata or status lists (the trace says they were skipped).")
    boolean noFetch;

    @Option(names = "--format", paramLabel = "dc+sd-jwt|mso_mdoc",
            description = "The presentation's format; by default recognised: an mdoc is CBOR (or base64url of it), anything else an SD-JWT.")
    String format;

    @Option(names = "--mdoc-handover", paramLabel = "CLIENT_ID,RESPONSE_URI,NONCE[,MDOC_NONCE]",
            description = "mdoc: the OpenID4VP request the device must have signed (OpenID4VP 1.0 handover; with a fourth part, "
                    + "the mdoc generated nonce, the ISO/IEC 18013-7 handover).")
    String mdocHandover;

    @Option(names = "--session-transcript", paramLabel = "FILE",
            description = "mdoc: the SessionTranscript (CBOR, hex or base64url) the device must have signed, for other flows.")
    Path sessionTranscript;

    @Option(names = "--credential-status", paramLabel = "require|prefer|off",
            description = "How the credential's status list entry counts: require (a status that cannot be established "
                    + "is credential_status_unavailable), prefer (a warning), off (not checked, nothing fetched). "
                    + "Default: the policy's credentialStatus (require in every built-in policy).")
    String credentialStatus;

    @Option(names = "--json", description = "Print the verdict as one JSON document.")
    boolean json;

    @Option(names = "--trace", description = "Without --json: also print each rule applied.")
    boolean trace;

    @Option(names = "--revocation", paramLabel = "require|prefer|off",
            description = "How the issuer's certificate chain is checked for revocation (OCSP, then CRL, through the HTTP options "
                    + "below): require (no answer → not valid), prefer (no answer → a warning), off. Default: the policy's mode "
                    + "(eu-eidas: prefer); off with --no-fetch.")
    String revocation;

    @Mixin
    OfflineListOptions lists;

    @Mixin
    HttpOptions http;

    @Mixin
    LoteOptions lotes;

    @Spec
    CommandSpec spec;

    private Optional<RevocationMode> revocationMode() {
        if (revocation == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RevocationMode.parse(revocation));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--revocation: " + e.getMessage());
        }
    }

    @Override
    public Integer call() {
        if (clockSkewSeconds < 0 || keyBindingMaxAgeSeconds < 0) {
            throw new UsageException("--clock-skew and --kb-max-age cannot be negative");
        }
        byte[] input = read(file);
        Optional<byte[]> mdoc = MdocInput.detect(input);
        if (format != null && !Set.of("mso_mdoc", "dc+sd-jwt", "vc+sd-jwt").contains(format)) {
            throw new UsageException("--format " + format + ": expected dc+sd-jwt or mso_mdoc");
        }
        if ("mso_mdoc".equals(format) || format == null && mdoc.isPresent()) {
            return verifyMdoc(mdoc.orElse(input));
        }
        if (mdocHandover != null || sessionTranscript != null) {
            throw new UsageException("--mdoc-handover and --session-transcript are for mdoc presentations (--format mso_mdoc)");
        }
        if (input.length > SdJwtPresentation.MAX_CHARACTERS + 2) {
            throw new UsageException(file + ": larger than " + SdJwtPresentation.MAX_CHARACTERS + " characters, not a presentation");
        }
        String presentation = new String(input, StandardCharsets.ISO_8859_1); // non-ASCII stays visible to the form check
        Clock clock = Clock.systemUTC();
        // Issue 13.8: the KB-JWT's freshness by the verifier's clock (or the explicit --presented-at), never by --at.
        CredentialCheck check = new CredentialCheck(presentation, Optional.ofNullable(audience), Optional.ofNullable(nonce),
                lists.validationTime(clock), requireKeyBinding, Duration.ofSeconds(clockSkewSeconds), Duration.ofSeconds(keyBindingMaxAgeSeconds),
                presentedAt != null ? presentedAt : clock.instant());
        Optional<CredentialStatusMode> statusMode = statusMode();
        CredentialVerdict verdict;
        try (CredentialSetup setup = openSetup(clock)) {
            // --credential-status replaces the policy's credentialStatus (issue 13.3).
            verdict = setup.service().verify(check.withStatusMode(statusMode.orElse(setup.issuerRules().status())));
        }
        return print(verdict.valid(), verdict.code().code(), verdict.trace(), () -> Json.compact(CredentialVerdictJson.of(file, verdict)),
                " — issuer " + verdict.issuer().orElse("?") + ", vct " + verdict.vct().orElse("?")
                        + (verdict.holderBound() ? ", holder bound" : ", holder not bound"));
    }

    /** An mdoc (ISO/IEC 18013-5): the same issuer trust, the device checked against the verifier's session transcript. */
    private Integer verifyMdoc(byte[] presentation) {
        if (audience != null || nonce != null) {
            throw new UsageException("--aud and --nonce are for SD-JWT VCs; an mdoc takes --mdoc-handover CLIENT_ID,RESPONSE_URI,NONCE");
        }
        if (mdocHandover != null && sessionTranscript != null) {
            throw new UsageException("give --mdoc-handover or --session-transcript, not both");
        }
        if (clockSkewSeconds < 0) {
            throw new UsageException("--clock-skew cannot be negative");
        }
        JacksonCborCodec cbor = new JacksonCborCodec();
        Optional<SessionTranscript> transcript = mdocHandover != null ? Optional.of(MdocInput.handover(mdocHandover, cbor))
                : Optional.ofNullable(sessionTranscript).map(path -> MdocInput.transcript(path, cbor));
        Clock clock = Clock.systemUTC();
        MdocCheck check = new MdocCheck(presentation, transcript, lists.validationTime(clock), requireKeyBinding,
                Duration.ofSeconds(clockSkewSeconds));
        Optional<CredentialStatusMode> statusMode = statusMode();
        MdocVerdict verdict;
        try (CredentialSetup setup = openSetup(clock)) {
            // --credential-status replaces the policy's credentialStatus (issue 13.3).
            verdict = setup.mdoc().verify(check.withStatusMode(statusMode.orElse(setup.issuerRules().status())));
        }
        return print(verdict.valid(), verdict.code().code(), verdict.trace(), () -> Json.compact(MdocVerdictJson.of(file, verdict)),
                " — mdoc " + verdict.docType().orElse("?") + ", issuer " + verdict.issuer().orElse("?")
                        + (verdict.deviceBound() ? ", device bound" : ", device not bound"));
    }

    /** The verifier both formats share: the issuer's trust, metadata, status and chain revocation as the options say. */
    private CredentialSetup openSetup(Clock clock) {
        return CredentialSetup.open(Optional.ofNullable(issuerKey), lists, lotes, policy, trustAnchors, !noFetch,
                lists.allowLoopbackHttp() ? IssuerUrlRule.HTTPS_OR_LOOPBACK_HTTP : IssuerUrlRule.HTTPS_ONLY, clock,
                revocationMode(), http);
    }

    /** One verdict printed: the JSON document, or a summary line and (with --trace, or the reason when not valid) the trace. */
    private Integer print(boolean valid, String code, List<String> lines, java.util.function.Supplier<String> document, String summary) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(document.get());
        } else {
            out.println(file + ": " + (valid ? "VALID" : "NOT VALID (" + code + ")") + summary);
            if (trace) {
                lines.forEach(line -> out.println("    " + line));
            } else if (!valid && lines.size() >= 2) {
                out.println("    " + lines.get(lines.size() - 2));
            }
        }
        out.flush();
        return valid ? 0 : 1;
    }

    private Optional<CredentialStatusMode> statusMode() {
        if (credentialStatus == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CredentialStatusMode.parse(credentialStatus));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--credential-status " + e.getMessage());
        }
    }

    private byte[] read(String name) {
        try {
            if ("-".equals(name)) {
                byte[] bytes = System.in.readNBytes(MdocInput.MAX_BYTES + 1);
                if (bytes.length > MdocInput.MAX_BYTES) {
                    throw new UsageException("standard input: larger than " + MdocInput.MAX_BYTES + " bytes, not a presentation");
                }
                return bytes;
            }
            Path path = Path.of(name);
            if (!Files.isRegularFile(path)) {
                throw new UsageException(name + ": no such file");
            }
            if (Files.size(path) > MdocInput.MAX_BYTES) {
                throw new UsageException(name + ": larger than " + MdocInput.MAX_BYTES + " bytes, not a presentation");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UsageException(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}

package org.qtrust.cli.credential;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
import org.qtrust.core.credential.presentation.SdJwtPresentation;
import picocli.CommandLine.Command;
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
                + "validity times, disclosures, key binding, issuer metadata and status list (docs/credentials.md).")
public final class CredentialVerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The presentation (<issuer-jwt>~<disclosure>~…~[<kb-jwt>]); '-' reads standard input.")
    String file;

    @Option(names = "--aud", paramLabel = "A", description = "This verifier's identifier, which the KB-JWT's aud must equal.")
    String audience;

    @Option(names = "--nonce", paramLabel = "N", description = "The nonce this verifier gave the holder, which the KB-JWT's nonce must equal.")
    String nonce;

    @Option(names = "--require-key-binding", description = "Refuse a presentation without a KB-JWT.")
    boolean requireKeyBinding;

    @Option(names = "--clock-skew", paramLabel = "SECONDS", defaultValue = "60",
            description = "Tolerance for exp, nbf and iat (default ${DEFAULT-VALUE}).")
    long clockSkewSeconds;

    @Option(names = "--kb-max-age", paramLabel = "SECONDS", defaultValue = "300",
            description = "How old a KB-JWT may be (default ${DEFAULT-VALUE}).")
    long keyBindingMaxAgeSeconds;

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

    @Option(names = "--credential-status", paramLabel = "require|prefer|off", defaultValue = "require",
            description = "How the credential's status list entry counts: require (default: a status that cannot be established "
                    + "is credential_status_unavailable), prefer (a warning), off (not checked, nothing fetched).")
    String credentialStatus;

    @Option(names = "--json", description = "Print the verdict as one JSON document.")
    boolean json;

    @Option(names = "--trace", description = "Without --json: also print each rule applied.")
    boolean trace;

    @Mixin
    OfflineListOptions lists;

    @Mixin
    LoteOptions lotes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (clockSkewSeconds < 0 || keyBindingMaxAgeSeconds < 0) {
            throw new UsageException("--clock-skew and --kb-max-age cannot be negative");
        }
        String presentation = read(file);
        Clock clock = Clock.systemUTC();
        CredentialCheck check = new CredentialCheck(presentation, Optional.ofNullable(audience), Optional.ofNullable(nonce),
                lists.validationTime(clock), requireKeyBinding, Duration.ofSeconds(clockSkewSeconds), Duration.ofSeconds(keyBindingMaxAgeSeconds))
                .withStatusMode(statusMode());
        CredentialVerdict verdict;
        try (CredentialSetup setup = CredentialSetup.open(Optional.ofNullable(issuerKey), lists, lotes, policy, trustAnchors, !noFetch,
                lists.allowLoopbackHttp() ? IssuerUrlRule.HTTPS_OR_LOOPBACK_HTTP : IssuerUrlRule.HTTPS_ONLY, clock)) {
            verdict = setup.service().verify(check);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.compact(CredentialVerdictJson.of(file, verdict)));
        } else {
            out.println(file + ": " + (verdict.valid() ? "VALID" : "NOT VALID (" + verdict.code().code() + ")")
                    + " — issuer " + verdict.issuer().orElse("?") + ", vct " + verdict.vct().orElse("?")
                    + (verdict.holderBound() ? ", holder bound" : ", holder not bound"));
            List<String> lines = verdict.trace();
            if (trace) {
                lines.forEach(line -> out.println("    " + line));
            } else if (!verdict.valid() && lines.size() >= 2) {
                out.println("    " + lines.get(lines.size() - 2));
            }
        }
        out.flush();
        return verdict.valid() ? 0 : 1;
    }

    private CredentialStatusMode statusMode() {
        try {
            return CredentialStatusMode.parse(credentialStatus);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--credential-status " + e.getMessage());
        }
    }

    private String read(String name) {
        try {
            byte[] bytes;
            if ("-".equals(name)) {
                bytes = System.in.readNBytes(SdJwtPresentation.MAX_CHARACTERS + 2);
            } else {
                Path path = Path.of(name);
                if (!Files.isRegularFile(path)) {
                    throw new UsageException(name + ": no such file");
                }
                if (Files.size(path) > SdJwtPresentation.MAX_CHARACTERS + 2) {
                    throw new UsageException(name + ": larger than " + SdJwtPresentation.MAX_CHARACTERS + " characters, not a presentation");
                }
                bytes = Files.readAllBytes(path);
            }
            return new String(bytes, StandardCharsets.ISO_8859_1); // non-ASCII stays visible to the form check
        } catch (IOException e) {
            throw new UsageException(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}

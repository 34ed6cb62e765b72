package org.qtrust.adapters.crypto.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where things are inside a sandbox folder and the fixed times it is built around. Paths are
 * relative to the sandbox folder; the server publishes {@code lists/}, {@code crl/},
 * {@code status/} and the OCSP responders under the same paths, and {@code metadata/} at the
 * well-known locations of the sandbox issuers.
 */
public final class SandboxLayout {

    /** Every date in the sandbox derives from this instant, never from the clock. */
    public static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    /** The validation time the manifest verifies at: inside every validity window it relies on. */
    public static final Instant VALIDATION_TIME = Instant.parse("2026-06-01T00:00:00Z");

    public static final String LISTS = "lists";
    public static final String LOTL_FILE = "EU.xml";
    public static final String PIVOT_FILE = "eu-lotl-pivot-1.xml";
    public static final String OJ_KEYSTORE = "oj-keystore.p12";
    public static final String OJ_PASSWORD = "sandbox";
    public static final String OJ_URL = "https://sandbox.qtrust.invalid/oj/C-2026-0001";
    public static final String CERTS = "certs";
    public static final String ANCHORS = "anchors";
    public static final String POLICIES = "policies";
    public static final String CRL = "crl";
    public static final String OCSP = "ocsp";
    public static final String CREDENTIALS = "credentials";
    /** Credentials whose verdict depends on a status list that {@code qtrust sandbox serve} publishes. */
    public static final String STATUS_CREDENTIALS = CREDENTIALS + "/status";
    /** Status list tokens, served at {@code /status/<file>}. */
    public static final String STATUS = "status";
    /** Credentials whose verdict depends on issuer metadata that {@code qtrust sandbox serve} publishes. */
    public static final String METADATA_CREDENTIALS = CREDENTIALS + "/metadata";
    /**
     * Issuer metadata: {@code metadata/<issuer>/jwt-vc-issuer.json} and {@code openid-credential-issuer.json},
     * served at {@code /.well-known/jwt-vc-issuer/issuers/<issuer>} and {@code /.well-known/openid-credential-issuer/issuers/<issuer>}.
     */
    public static final String METADATA = "metadata";
    /** The path of every sandbox issuer identifier: {@code http://127.0.0.1:<port>/issuers/<issuer>}. */
    public static final String ISSUERS = "issuers";
    /**
     * The sandbox opt-in every fetching command accepts: loopback addresses, and plain http to them, pass the
     * egress rule — so the sandbox's OCSP, CRLs, issuer metadata and status lists (plain http on 127.0.0.1) are fetched.
     */
    public static final String ALLOW_LOOPBACK_HTTP = "--allow-loopback-http";
    /** The verifier identifier and nonce every sandbox presentation's KB-JWT is made for. */
    public static final String AUDIENCE = "https://verifier.sandbox.qtrust.invalid";
    public static final String NONCE = "sandbox-nonce-2026";
    public static final String LOTE = "lote";
    public static final String PID_PROVIDERS = LOTE + "/pid-providers.json";
    /** The sandbox mDL providers list (TS 119 602 shape, QTrust's list type URN: no EU profile exists yet; issue 18). */
    public static final String MDL_PROVIDERS = LOTE + "/mdl-providers.json";
    public static final String LOTE_ANCHOR = ANCHORS + "/lote-signer.pem";
    public static final String README = "README.md";
    public static final String MANIFEST = "manifest.json";
    /** The settings a sandbox was built with ({@code seed=N}, {@code port=P}), so {@code serve} finds its port. */
    public static final String SETTINGS = "sandbox.properties";

    private SandboxLayout() {
    }

    /** The options that load the sandbox's lists offline, relative to the sandbox folder. */
    public static List<String> offlineListOptions() {
        return List.of("--offline", LISTS, "--oj-keystore", OJ_KEYSTORE, "--oj-password", OJ_PASSWORD,
                "--at", VALIDATION_TIME.toString());
    }

    /** The identifier ({@code iss}) of the sandbox issuer named {@code issuer}, on the sandbox server. */
    public static String issuerId(SandboxSettings settings, String issuer) {
        return settings.baseUrl() + "/" + ISSUERS + "/" + issuer;
    }

    /** {@code qtrust cert verify FILE <offline list options> [extra…]}. */
    public static List<String> certVerify(String certificate, String... extra) {
        List<String> args = new ArrayList<>(List.of("cert", "verify", certificate));
        args.addAll(offlineListOptions());
        args.addAll(List.of(extra));
        return args;
    }

    /** {@code qtrust credential verify FILE --aud … --nonce … --require-key-binding <offline list options> [extra…]}. */
    public static List<String> credentialVerify(String credential, String... extra) {
        List<String> args = credentialVerify(credential, offlineListOptions());
        args.addAll(List.of(extra));
        return args;
    }

    /**
     * {@code qtrust credential verify FILE --aud … --nonce … --require-key-binding --allow-loopback-http
     * <trust source options>}: with {@code sandbox serve} running, the issuer's metadata is fetched and checked
     * too; without it, it cannot be fetched, which is noted, not refused.
     */
    public static List<String> credentialVerify(String credential, List<String> trustSourceOptions) {
        // The KB-JWTs were made at the validation time: --presented-at re-checks these recorded presentations then (issue 13.8).
        List<String> args = new ArrayList<>(List.of("credential", "verify", credential, "--aud", AUDIENCE, "--nonce", NONCE,
                "--require-key-binding", "--presented-at", VALIDATION_TIME.toString(), ALLOW_LOOPBACK_HTTP));
        args.addAll(trustSourceOptions);
        return args;
    }

    /** The offline list options and the PID providers list (one {@code --at}), then {@code extra}. */
    public static List<String> listAndLoteOptions(String... extra) {
        List<String> args = new ArrayList<>(offlineListOptions());
        args.addAll(List.of("--lote", PID_PROVIDERS, "--lote-anchor", LOTE_ANCHOR));
        args.addAll(List.of(extra));
        return args;
    }

    /** The options that load the sandbox's PID providers list, relative to the sandbox folder. */
    public static List<String> loteOptions() {
        return List.of("--lote", PID_PROVIDERS, "--lote-anchor", LOTE_ANCHOR, "--at", VALIDATION_TIME.toString());
    }

    /** The options that load both the PID providers and the mDL providers lists (mdocs: a PID only from the one, an mDL only from the other). */
    public static List<String> mdocLoteOptions() {
        return List.of("--lote", PID_PROVIDERS, "--lote", MDL_PROVIDERS, "--lote-anchor", LOTE_ANCHOR, "--at", VALIDATION_TIME.toString());
    }

    /** {@code qtrust lists load <offline list options> --json}. */
    public static List<String> listsLoad() {
        List<String> args = new ArrayList<>(List.of("lists", "load"));
        args.addAll(offlineListOptions());
        args.add("--json");
        return args;
    }
}

package org.qtrust.adapters.crypto.testpki;

import java.util.EnumMap;
import java.util.Set;
import org.qtrust.core.policy.CredentialIssuerPolicy;
import org.qtrust.core.policy.CredentialKind;
import org.qtrust.core.policy.CredentialKindRule;
import org.qtrust.core.policy.IssuerTrustPolicy;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.policy.TrustSourceRule;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.qtrust.adapters.crypto.certificate.BouncyCastleCertificateInspector;
import org.qtrust.adapters.crypto.certificate.fixtures.TestSnapshot;
import org.qtrust.adapters.crypto.certificate.fixtures.TestSnapshot.Period;
import org.qtrust.adapters.crypto.issuance.ClaimSet;
import org.qtrust.adapters.crypto.issuance.IssuedSdJwt;
import org.qtrust.adapters.crypto.issuance.JwsSigner;
import org.qtrust.adapters.crypto.issuance.KeyBinding;
import org.qtrust.adapters.crypto.issuance.SdJwtIssuer;
import org.qtrust.adapters.crypto.sdjwt.Jose4jWebTokens;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.index.ListSource;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.credential.CredentialCheck;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.trustedlist.ServiceStatus;
import org.qtrust.core.trustedlist.TrustedList;

/**
 * A test EUDI wallet world: a PID issuer whose certificate chains to a CA/QC service of a test
 * trusted list ("WT"), a holder key, and a PID credential made with {@link SdJwtIssuer} and
 * presented with a {@link KeyBinding}. Every piece can be made wrong on purpose to produce the
 * broken variant a verifier must refuse.
 *
 * <pre>{@code
 * WalletCredentials wallet = WalletCredentials.create();
 * String presentation = wallet.present(wallet.issue(wallet.pid()));
 * CredentialVerdict verdict = wallet.verifier().verify(wallet.check(presentation));
 * }</pre>
 */
public final class WalletCredentials {

    /** The validation time the world is made for. */
    public static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    public static final String ISSUER = "https://pid-issuer.wallet.test";
    public static final String VCT = "urn:eudi:pid:1";
    public static final String AUDIENCE = "https://verifier.wallet.test";
    public static final String NONCE = "XZOUco1u_gEPknxS78sWWg";
    public static final String STATUS_LIST_URI = "https://pid-issuer.wallet.test/status/1";

    public static final Instant ISSUER_NOT_BEFORE = Instant.parse("2024-01-01T00:00:00Z");

    private static final WalletCredentials INSTANCE = new WalletCredentials();

    private final TestPki pki = TestPki.create("Wallet Test");
    /** Issued after the CA was granted: the EU policy judges the service's status at the certificate's issuance. */
    /** Its certificate names {@link #ISSUER} (SAN URI): the iss of its credentials is bound by it (issue 13.2). */
    private final Credential issuer = pki.endEntity("PID Issuer").validity(ISSUER_NOT_BEFORE, TestPki.NOT_AFTER)
            .subjectAltNames(ISSUER).issue();
    private final Credential untrustedIssuer = TestPki.create("Rogue Wallet").endEntity("PID Issuer").issue();
    private final KeyPair holder = TestPki.ecKey("wallet holder");
    private final TrustedList list = TestSnapshot.list("WT", "Wallet Test TSP",
            TestSnapshot.service("Wallet Test PID CA", pki.intermediate().certificate(),
                    Period.of(ServiceStatus.Kind.GRANTED, "2016-07-01T00:00:00Z")));

    private WalletCredentials() {
    }

    public static WalletCredentials create() {
        return INSTANCE;
    }

    /** The PID issuer: an end-entity certificate under the listed CA, chain leaf first. */
    public Credential issuer() {
        return issuer;
    }

    /**
     * Another issuer under the same listed CA, its certificate naming {@code subjectAltNames}
     * ("scheme://…" as SAN URIs, others as dNSNames; none: no SAN at all), for the binding of iss (issue 13.2).
     */
    public Credential issuerNaming(String... subjectAltNames) {
        TestPki.CertificateBuilder builder = pki.endEntity("PID Issuer " + String.join(" ", subjectAltNames).hashCode())
                .validity(ISSUER_NOT_BEFORE, TestPki.NOT_AFTER);
        return (subjectAltNames.length == 0 ? builder : builder.subjectAltNames(subjectAltNames)).issue();
    }

    /** An issuer whose certificate chains to no listed service. */
    public Credential untrustedIssuer() {
        return untrustedIssuer;
    }

    public KeyPair holder() {
        return holder;
    }

    /** The test trusted list: the issuing CA of {@link #issuer()} as a granted CA/QC service. */
    public TrustedList list() {
        return list;
    }

    /**
     * The policy of this test world: EU eIDAS, whose credential-issuer rules are widened
     * explicitly so that a PID may come from a granted CA/QC service of a trusted list (the test
     * list has no PID provider). The EU defaults refuse exactly that (issue 13, {@code IssuerRoleTest}).
     */
    public static VerificationPolicy policy() {
        IssuerTrustPolicy eu = IssuerTrustPolicy.euDefault();
        Map<CredentialKind, List<TrustSourceRule>> rules = new EnumMap<>(eu.rules());
        rules.put(CredentialKind.PID, List.of(TrustSourceRule.trustedList(Set.of(ServiceTypes.CA_QC), Set.of("granted"))));
        return VerificationPolicy.euEidas().withCredentialIssuers(new CredentialIssuerPolicy(CredentialKindRule.euDefault(),
                new IssuerTrustPolicy("wallet-test", rules, eu.statusTime())));
    }

    /** Certificate decisions for credential issuers under {@link #policy()} over {@link #list()}. */
    public CertificateDecisionService decisions() {
        return decisions(policy().forCredentialIssuers());
    }

    public CertificateDecisionService decisions(VerificationPolicy policy) {
        BouncyCastleCertificateInspector inspector = new BouncyCastleCertificateInspector();
        TrustedServiceIndex index = TrustedServiceIndex.build(List.of(ListSource.accepted(list)), policy.plainAnchors(), inspector);
        return new CertificateDecisionService(index, inspector, policy);
    }

    /** An offline verifier (no metadata, no status) over {@link #decisions()}. */
    public CredentialVerificationService verifier() {
        return CredentialVerificationService.offline(new IssuerTrust.CertificateChain(decisions()), new Jose4jWebTokens());
    }

    /** The check this world's verifier makes: at {@link #NOW}, for {@link #AUDIENCE} and {@link #NONCE}. */
    public CredentialCheck check(String presentation) {
        return CredentialCheck.of(presentation, NOW).forVerifier(AUDIENCE, NONCE);
    }

    /** The trusted issuer signing ES256 with x5c [issuer, issuing CA]. */
    public SdJwtIssuer issuerSigner() {
        return signer(issuer);
    }

    /** An issuer signing with another credential's key and chain (e.g. {@link #untrustedIssuer()}). */
    public SdJwtIssuer signer(Credential credential) {
        return new SdJwtIssuer(credential.privateKey(), "ES256", credential.chain().subList(0, credential.chain().size() - 1));
    }

    /** A JWS signer with the trusted issuer's key and no x5c (e.g. for its status list tokens). */
    public JwsSigner issuerJws() {
        return new JwsSigner(issuer.privateKey(), "ES256", List.of());
    }

    /**
     * A PID: iss, vct, iat (a day before {@link #NOW}), exp (a year after), cnf with the holder key,
     * four disclosable claims, a recursively disclosable address, nationalities with a disclosable
     * element, and two decoys.
     */
    public ClaimSet pid() {
        return ClaimSet.create()
                .claim("iss", ISSUER)
                .claim("vct", VCT)
                .claim("iat", NOW.minus(Duration.ofDays(1)).getEpochSecond())
                .claim("exp", NOW.plus(Duration.ofDays(365)).getEpochSecond())
                .claim("cnf", SdJwtIssuer.confirmation(holder.getPublic()))
                .disclosable("given_name", "Erika")
                .disclosable("family_name", "Mustermann")
                .disclosable("birthdate", "1964-08-12")
                .disclosable("age_equal_or_over", ClaimSet.create().disclosable("18", true).disclosable("65", false))
                .disclosable("address", ClaimSet.create().disclosable("locality", "Berlin").claim("country", "DE"))
                .claim("nationalities", ClaimSet.array(ClaimSet.disclosableElement("DE"), ClaimSet.disclosableElement("FR")))
                .decoys(2);
    }

    /** The PID with a status list reference at {@code index} of {@link #STATUS_LIST_URI}. */
    public ClaimSet pidWithStatus(int index) {
        return pid().claim("status", Map.of("status_list", Map.of("idx", index, "uri", STATUS_LIST_URI)));
    }

    public IssuedSdJwt issue(ClaimSet claims) {
        return issuerSigner().issue(claims);
    }

    /** The holder's KB-JWT for this verifier, made at {@link #NOW}. */
    public KeyBinding keyBinding() {
        return KeyBinding.signedWith(holder.getPrivate(), "ES256").audience(AUDIENCE).nonce(NONCE).issuedAt(NOW);
    }

    /** Every disclosure and a correct KB-JWT. */
    public String present(IssuedSdJwt credential) {
        return keyBinding().bind(credential.issuance());
    }
}

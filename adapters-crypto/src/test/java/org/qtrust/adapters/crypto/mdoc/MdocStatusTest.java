package org.qtrust.adapters.crypto.mdoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.issuance.JwsSigner;
import org.qtrust.adapters.crypto.issuance.StatusListTokens;
import org.qtrust.adapters.crypto.pki.KeyAndCertificate;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.credential.CredentialStatusMode;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.credential.mdoc.CoseAlgorithm;
import org.qtrust.core.credential.mdoc.MdocCheck;
import org.qtrust.core.credential.mdoc.MdocVerdict;
import org.qtrust.core.credential.mdoc.MdocVerificationService;
import org.qtrust.core.credential.mdoc.StatusListCwt;
import org.qtrust.core.credential.port.StatusListSource;
import org.qtrust.core.credential.status.HttpStatusListSource;
import org.qtrust.core.credential.status.StatusListFetch;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;

/**
 * Issue 18 item 5: the MSO's {@code status} checked under the same fail-closed credentialStatus
 * policy as SD-JWT VCs, the Token Status List in its CWT form (draft-ietf-oauth-status-list §5.2)
 * or its JWT form (§5.1), signed by the mdoc's issuer — the Document Signer's key, a certificate of
 * its IACA — and never by a stranger; exp judged at the time the token is used.
 */
class MdocStatusTest {

    private static final MdocWorld WORLD = new MdocWorld();
    private static final String URI = "https://status.utopia.example/mdl/1";
    private static final Instant NOW = MdocWorld.NOW;
    /** The DS with its IACA in x5chain, and a sibling certificate of the same IACA that signs status lists. */
    private static final MdocIssuer WITH_IACA = new MdocIssuer(WORLD.cbor, WORLD.documentSigner.privateKey(),
            List.of(WORLD.documentSigner.certificate(), WORLD.iaca.certificate()), CoseAlgorithm.ES256, new SecureRandom());
    private static final KeyAndCertificate STATUS_SIGNER = MdocWorld.ds("CN=Utopia Status Signer, C=UT", WORLD.iaca);

    private static byte[] mdl(MdocIssuer issuer, long index) {
        return issuer.deviceResponse(MdocWorld.MDL, issuer.issue(WORLD.mdl().withStatusList(URI, index)), WORLD.device.getPrivate(),
                CoseAlgorithm.ES256, WORLD.transcript());
    }

    private static StatusListSource serving(String token) {
        return uri -> URI.equals(uri) ? new StatusListFetch.Fetched(token, uri, NOW, NOW, StatusListFetch.Fetched.FETCHED)
                : new StatusListFetch.Failed(uri + ": HTTP 404");
    }

    private static MdocVerificationService verifier(StatusListSource source) {
        // The same trust as the world's verifier, with a status source.
        return new MdocVerificationService(trust(), WORLD.cbor, WORLD.cose, WORLD.jose, source);
    }

    private static IssuerTrust trust() {
        return WORLD.trust(WORLD.iaca.certificate());
    }

    private static MdocVerdict verify(StatusListSource source, byte[] presentation, CredentialStatusMode mode) {
        return verifier(source).verify(WORLD.check(presentation).withStatusMode(mode));
    }

    private static MdocVerdict verify(StatusListSource source, byte[] presentation) {
        return verify(source, presentation, CredentialStatusMode.REQUIRE);
    }

    private static String cwt(MdocIssuer signer, boolean withChain, int... statuses) {
        return StatusListCwt.token(signer.statusListCwt(URI, NOW.minusSeconds(600), Optional.of(NOW.plusSeconds(3600)), Optional.of(300L),
                withChain, 1, statuses));
    }

    private static String trace(MdocVerdict verdict) {
        return String.join("\n", verdict.trace());
    }

    @Test
    void a_cwt_status_list_signed_with_the_document_signer_key_gives_valid_revoked_and_suspended() {
        MdocVerdict valid = verify(serving(cwt(WORLD.issuer(), false, 1, 0, 1)), mdl(WORLD.issuer(), 1));
        assertThat(valid.code()).as(trace(valid)).isEqualTo(CredentialCode.OK);
        assertThat(valid.status()).contains("valid");
        assertThat(trace(valid)).contains("status: the status list token (CWT) is signed by the Document Signer's key")
                .contains("status: index 1 of " + URI);

        MdocVerdict revoked = verify(serving(cwt(WORLD.issuer(), false, 1, 0, 1)), mdl(WORLD.issuer(), 2));
        assertThat(revoked.code()).as(trace(revoked)).isEqualTo(CredentialCode.CREDENTIAL_REVOKED);
        assertThat(revoked.elements()).isEmpty();
        String twoBits = StatusListCwt.token(WORLD.issuer().statusListCwt(URI, NOW, Optional.empty(), Optional.empty(), false, 2, 0, 2));
        assertThat(verify(serving(twoBits), mdl(WORLD.issuer(), 1)).code()).isEqualTo(CredentialCode.CREDENTIAL_SUSPENDED);
    }

    @Test
    void a_cwt_signed_by_a_stranger_is_unavailable_under_require_a_warning_under_prefer_and_not_fetched_under_off() {
        KeyAndCertificate strangerIaca = MdocWorld.iaca("CN=Stranger IACA, C=UT");
        MdocIssuer stranger = WORLD.issuer(MdocWorld.ds("CN=Stranger DS, C=UT", strangerIaca, MdocVerificationService.DS_EXTENDED_KEY_USAGE));
        String forged = cwt(stranger, true, 0, 0, 0);

        MdocVerdict required = verify(serving(forged), mdl(WORLD.issuer(), 1));
        assertThat(required.code()).as(trace(required)).isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
        assertThat(required.status()).contains("unavailable");
        assertThat(trace(required)).contains("its signer is not the mdoc's issuer").contains("fail closed");
        // Without a chain, the stranger's token is checked against the DS key and fails.
        assertThat(verify(serving(cwt(stranger, false, 0, 0, 0)), mdl(WORLD.issuer(), 1)).code())
                .isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);

        MdocVerdict preferred = verify(serving(forged), mdl(WORLD.issuer(), 1), CredentialStatusMode.PREFER);
        assertThat(preferred.code()).as(trace(preferred)).isEqualTo(CredentialCode.OK);
        assertThat(trace(preferred)).contains("status: warning: the status could not be established");

        AtomicInteger fetches = new AtomicInteger();
        MdocVerdict off = verify(uri -> {
            fetches.incrementAndGet();
            return new StatusListFetch.Failed("down");
        }, mdl(WORLD.issuer(), 1), CredentialStatusMode.OFF);
        assertThat(off.code()).isEqualTo(CredentialCode.OK);
        assertThat(off.status()).contains("not checked");
        assertThat(fetches).hasValue(0);
    }

    @Test
    void a_status_signer_certificate_of_the_ds_own_iaca_is_the_issuer_and_the_ds_in_its_own_chain_too() {
        MdocIssuer sibling = new MdocIssuer(WORLD.cbor, STATUS_SIGNER.privateKey(),
                List.of(STATUS_SIGNER.certificate(), WORLD.iaca.certificate()), CoseAlgorithm.ES256, new SecureRandom());

        MdocVerdict byIaca = verify(serving(cwt(sibling, true, 0, 0)), mdl(WITH_IACA, 1));
        assertThat(byIaca.code()).as(trace(byIaca)).isEqualTo(CredentialCode.OK);
        assertThat(trace(byIaca)).contains("signed by a certificate of the Document Signer's issuing authority");

        MdocVerdict byDsChain = verify(serving(cwt(WITH_IACA, true, 0, 0)), mdl(WITH_IACA, 1));
        assertThat(byDsChain.code()).as(trace(byDsChain)).isEqualTo(CredentialCode.OK);
        assertThat(trace(byDsChain)).contains("the Document Signer's key (in its own certificate chain)");

        // A certificate of another IACA claiming the DS's IACA as its issuer: refused (checked by signature).
        KeyAndCertificate otherSigner = MdocWorld.ds("CN=Other Status Signer, C=UT", MdocWorld.iaca("CN=Other IACA, C=UT"));
        MdocIssuer claimer = new MdocIssuer(WORLD.cbor, otherSigner.privateKey(), List.of(otherSigner.certificate(),
                WORLD.iaca.certificate()), CoseAlgorithm.ES256, new SecureRandom());
        assertThat(verify(serving(cwt(claimer, true, 0, 0)), mdl(WITH_IACA, 1)).code()).isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
    }

    @Test
    void an_expired_cwt_another_subject_or_a_broken_cwt_is_unavailable() {
        String expired = StatusListCwt.token(WORLD.issuer().statusListCwt(URI, NOW.minusSeconds(7200), Optional.of(NOW.minusSeconds(3600)),
                Optional.empty(), false, 1, 0, 0));
        MdocVerdict late = verify(serving(expired), mdl(WORLD.issuer(), 1));
        assertThat(late.code()).isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
        assertThat(trace(late)).contains("it expired at");

        String elsewhere = StatusListCwt.token(WORLD.issuer().statusListCwt("https://status.utopia.example/other", NOW, Optional.empty(),
                Optional.empty(), false, 1, 0, 0));
        assertThat(trace(verify(serving(elsewhere), mdl(WORLD.issuer(), 1)))).contains("is not the referenced uri");

        byte[] bytes = WORLD.issuer().statusListCwt(URI, NOW, Optional.empty(), Optional.empty(), false, 1, 0, 0);
        bytes[bytes.length - 1] ^= 1; // the signature
        assertThat(trace(verify(serving(StatusListCwt.token(bytes)), mdl(WORLD.issuer(), 1)))).contains("signature does not verify");
        assertThat(verify(serving("not*base64url"), mdl(WORLD.issuer(), 1)).code()).isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
        assertThat(verify(serving(StatusListCwt.token(new byte[] {(byte) 0x84, 0x40})), mdl(WORLD.issuer(), 1)).code())
                .isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
    }

    @Test
    void offline_the_status_of_an_mdoc_that_names_a_list_is_unavailable_under_require_and_a_warning_under_prefer() {
        MdocVerdict offline = WORLD.verifier().verify(WORLD.check(mdl(WORLD.issuer(), 1)));
        assertThat(offline.code()).isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
        assertThat(trace(offline)).contains("not checked (offline");
        MdocVerdict preferred = WORLD.verifier().verify(WORLD.check(mdl(WORLD.issuer(), 1)).withStatusMode(CredentialStatusMode.PREFER));
        assertThat(preferred.code()).isEqualTo(CredentialCode.OK);
        assertThat(WORLD.verifier().verify(WORLD.check(WORLD.presentMdl())).code()).as("no status list named").isEqualTo(CredentialCode.OK);
    }

    @Test
    void the_jwt_form_signed_with_the_document_signer_key_counts_and_one_signed_by_another_key_does_not() {
        String jwt = StatusListTokens.token(new JwsSigner(WORLD.documentSigner.privateKey(), "ES256", List.of()), URI,
                NOW.minusSeconds(60), NOW.plusSeconds(3600), 1, 0, 1);
        assertThat(verify(serving(jwt), mdl(WORLD.issuer(), 0)).code()).isEqualTo(CredentialCode.OK);
        MdocVerdict revoked = verify(serving(jwt), mdl(WORLD.issuer(), 1));
        assertThat(revoked.code()).isEqualTo(CredentialCode.CREDENTIAL_REVOKED);
        assertThat(trace(revoked)).contains("status list token (JWT) is signed by the Document Signer's key");

        String forged = StatusListTokens.token(new JwsSigner(STATUS_SIGNER.privateKey(), "ES256", List.of()), URI,
                NOW.minusSeconds(60), NOW.plusSeconds(3600), 1, 0, 0);
        assertThat(verify(serving(forged), mdl(WORLD.issuer(), 1)).code()).isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
    }

    @Test
    void the_http_source_hands_a_binary_cwt_on_as_base64url_and_caches_it_no_longer_than_its_ttl() throws Exception {
        byte[] token = WORLD.issuer().statusListCwt(URI, NOW, Optional.empty(), Optional.of(30L), false, 1, 0, 0);
        AtomicInteger requests = new AtomicInteger();
        HttpTransport network = request -> {
            requests.incrementAndGet();
            assertThat(request.headers().get("Accept")).contains("application/statuslist+cwt");
            return new HttpExchange.Response(200, Map.of("Content-Type", List.of("application/statuslist+cwt")), token, request.url());
        };
        MutableClock clock = new MutableClock(NOW);
        HttpStatusListSource source = new HttpStatusListSource(network, clock, Duration.ofMinutes(5)).readingCwtWith(WORLD.cbor);

        StatusListFetch first = source.fetch(URI);
        assertThat(first).isInstanceOf(StatusListFetch.Fetched.class);
        assertThat(((StatusListFetch.Fetched) first).token()).isEqualTo(StatusListCwt.token(token)).doesNotContain(".");
        source.fetch(URI);
        assertThat(requests).hasValue(1);
        clock.now = NOW.plusSeconds(31); // past its ttl (30 s), well within the source's 5 minutes
        source.fetch(URI);
        assertThat(requests).hasValue(2);
        MdocVerdict verdict = verifier(source).verify(WORLD.check(mdl(WORLD.issuer(), 1)));
        assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.OK);
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

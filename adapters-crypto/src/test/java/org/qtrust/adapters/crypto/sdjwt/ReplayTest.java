package org.qtrust.adapters.crypto.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.testpki.WalletCredentials;
import org.qtrust.core.credential.BoundedReplayCache;
import org.qtrust.core.credential.CredentialCheck;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.credential.CredentialVerdict;
import org.qtrust.core.credential.CredentialVerificationService;

/** Issue 13.8: key-binding freshness by the verifier's clock, and replays refused. */
class ReplayTest {

    private static final WalletCredentials WALLET = WalletCredentials.create();
    private static final Instant NOW = WalletCredentials.NOW;

    private static String trace(CredentialVerdict verdict) {
        return String.join("\n", verdict.trace());
    }

    @Test
    void a_past_validation_time_moves_trust_and_status_but_never_the_kb_jwt_freshness() {
        String presentation = WALLET.present(WALLET.issue(WALLET.pid()));
        CredentialVerificationService verifier = WALLET.verifier();

        // Judged 12 hours in the past, received now: the KB-JWT (made now) is fresh.
        CredentialVerdict past = verifier.verify(CredentialCheck.of(presentation, NOW.minus(Duration.ofHours(12)))
                .forVerifier(WalletCredentials.AUDIENCE, WalletCredentials.NONCE).presentedAt(NOW));
        assertThat(past.code()).as(trace(past)).isEqualTo(CredentialCode.OK);

        // Judged now but received a day later: the same KB-JWT is stale, whatever the validation time says.
        CredentialVerdict late = verifier.verify(CredentialCheck.of(presentation, NOW)
                .forVerifier(WalletCredentials.AUDIENCE, WalletCredentials.NONCE).presentedAt(NOW.plus(Duration.ofDays(1))));
        assertThat(late.code()).as(trace(late)).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
        assertThat(trace(late)).contains("more than 300 s before it was received (2026-06-02T10:00:00Z, verifier's clock)");
    }

    @Test
    void the_same_presentation_twice_is_a_replay_and_refused() {
        CredentialVerificationService verifier = WALLET.verifier().withReplayGuard(new BoundedReplayCache(100));
        String presentation = WALLET.present(WALLET.issue(WALLET.pid()));
        String another = WALLET.present(WALLET.issue(WALLET.pid()));

        CredentialVerdict first = verifier.verify(WALLET.check(presentation));
        CredentialVerdict again = verifier.verify(WALLET.check(presentation).presentedAt(NOW.plusSeconds(30)));
        CredentialVerdict other = verifier.verify(WALLET.check(another));

        assertThat(first.code()).as(trace(first)).isEqualTo(CredentialCode.OK);
        assertThat(trace(first)).contains("first presentation of this nonce and sd_hash");
        assertThat(again.code()).as(trace(again)).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
        assertThat(trace(again)).contains("key binding: replayed");
        assertThat(again.claims()).isEmpty();
        assertThat(other.code()).as(trace(other)).isEqualTo(CredentialCode.OK);
    }

    @Test
    void without_a_replay_guard_nothing_is_remembered() {
        CredentialVerificationService verifier = WALLET.verifier();
        String presentation = WALLET.present(WALLET.issue(WALLET.pid()));

        assertThat(verifier.verify(WALLET.check(presentation)).code()).isEqualTo(CredentialCode.OK);
        assertThat(verifier.verify(WALLET.check(presentation)).code()).isEqualTo(CredentialCode.OK);
    }

    @Test
    void a_full_replay_cache_fails_closed_and_forgets_entries_once_their_kb_jwt_is_stale() {
        BoundedReplayCache cache = new BoundedReplayCache(1);
        CredentialVerificationService verifier = WALLET.verifier().withReplayGuard(cache);
        String first = WALLET.present(WALLET.issue(WALLET.pid()));
        String second = WALLET.present(WALLET.issue(WALLET.pid()));

        assertThat(verifier.verify(WALLET.check(first)).code()).isEqualTo(CredentialCode.OK);
        CredentialVerdict full = verifier.verify(WALLET.check(second));
        assertThat(full.code()).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
        assertThat(trace(full)).contains("replay cache is full");

        // Once the first KB-JWT is past its maximum age (5 min + 60 s skew), it is forgotten and room is made.
        String later = WALLET.keyBinding().issuedAt(NOW.plus(Duration.ofMinutes(10))).bind(WALLET.issue(WALLET.pid()).issuance());
        CredentialVerdict afterwards = verifier.verify(WALLET.check(later).presentedAt(NOW.plus(Duration.ofMinutes(10))));
        assertThat(afterwards.code()).as(trace(afterwards)).isEqualTo(CredentialCode.OK);
        assertThat(cache.size()).isEqualTo(1);
    }
}

package org.qtrust.server.lote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.jades.JadesListSignatureVerifier;
import org.qtrust.adapters.crypto.jades.LoteListSignatureVerifier;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.TestLotes;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.crypto.xades.XadesListSignatureVerifier;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.cache.FileLoteCache;
import org.qtrust.adapters.http.lote.LoteDocumentFetcher;
import org.qtrust.adapters.xml.lote.LoteDocumentReader;
import org.qtrust.core.lote.loading.LoteLoader;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.lote.refresh.LoteRefresher;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.ListRejection;

/**
 * Reloading a list of trusted entities with each snapshot: the sequence number never goes back
 * (TS 119 602 §6.3.2), and a new copy refused for its signature, as a rollback or because it cannot
 * be had leaves the last authentic copy in force, with the refusal in its trace.
 */
class LoteReloadTest {

    private static final TestPki PKI = TestPki.create("LoTE Reload");
    private static final Credential OPERATOR = PKI.endEntity("PID List Operator").issue();
    private static final Credential IMPOSTOR = PKI.endEntity("Not The Operator").issue();
    private static final Credential PROVIDER = PKI.endEntity("PID Provider").issue();
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final HttpTransport NO_NETWORK = request -> {
        throw new AssertionError("only files in this test");
    };

    @TempDir
    Path folder;

    private LoteReload reload(Path list) {
        LoteLoader loader = new LoteLoader(new LoteDocumentReader(),
                new LoteListSignatureVerifier(new XadesListSignatureVerifier(), new JadesListSignatureVerifier()));
        return new LoteReload(loader, new LoteDocumentFetcher(NO_NETWORK), List.of(list.toString()),
                List.of(OPERATOR.serviceCertificate()), ListAcceptancePolicy.STRICT);
    }

    /** A reload over the list cache {@code cache}, as a server started with --cache has. */
    private LoteReload reloadThroughCache(Path list, Path cache) {
        LoteLoader loader = new LoteLoader(new LoteDocumentReader(),
                new LoteListSignatureVerifier(new XadesListSignatureVerifier(), new JadesListSignatureVerifier()));
        LoteDocumentFetcher publishers = new LoteDocumentFetcher(NO_NETWORK);
        return new LoteReload(loader, publishers, List.of(list.toString()), List.of(OPERATOR.serviceCertificate()),
                ListAcceptancePolicy.STRICT, Optional.of(new LoteRefresher(loader, publishers,
                new FileLoteCache(new FileListCache(cache)),
                Clock.fixed(NOW, ZoneOffset.UTC))));
    }

    @Test
    void with_a_list_cache_a_restarted_server_still_refuses_the_older_copy() throws IOException {
        Path cache = Files.createDirectories(folder.resolve("cache"));
        Path list = publish(5, OPERATOR);
        LoteVerdict beforeRestart = only(reloadThroughCache(list, cache).load(NOW));
        publish(4, OPERATOR);

        LoteVerdict afterRestart = only(reloadThroughCache(list, cache).load(NOW));
        LoteVerdict afterRestartWithoutCache = only(reload(list).load(NOW));

        assertThat(sequence(beforeRestart)).isEqualTo(5);
        assertThat(afterRestart.accepted()).isTrue();
        assertThat(sequence(afterRestart)).as("the cached copy is the rollback floor").isEqualTo(5);
        assertThat(afterRestart.trace().get(0)).contains("the new copy was refused (rollback)", "from the cache");
        assertThat(sequence(afterRestartWithoutCache)).as("in memory only, a restart forgets").isEqualTo(4);
    }

    private Path publish(int sequence, Credential signer) throws IOException {
        return Files.writeString(folder.resolve("pid.jws"), TestLotes.pidProviders().sequenceNumber(sequence)
                .entity("PID Provider", TestLotes.service("PID issuance", TestLotes.PID_ISSUANCE, PROVIDER.certificate()))
                .signedJson(signer));
    }

    private static LoteVerdict only(List<LoteVerdict> verdicts) {
        assertThat(verdicts).hasSize(1);
        return verdicts.get(0);
    }

    private static int sequence(LoteVerdict verdict) {
        return verdict.list().orElseThrow().scheme().sequenceNumber().intValueExact();
    }

    @Test
    void a_replayed_older_copy_is_a_rollback_and_the_newer_copy_stays_in_force() throws IOException {
        LoteReload reload = reload(publish(5, OPERATOR));
        LoteVerdict first = only(reload.load(NOW));
        publish(4, OPERATOR);

        LoteVerdict replayed = only(reload.load(NOW));

        assertThat(first.accepted()).isTrue();
        assertThat(replayed.accepted()).isTrue();
        assertThat(sequence(replayed)).isEqualTo(5);
        assertThat(replayed.trace().get(0)).contains("the new copy was refused (rollback)", "lower than 5",
                "the last authentic copy is kept");
    }

    @Test
    void a_new_copy_with_a_bad_signature_or_gone_keeps_the_last_authentic_copy() throws IOException {
        Path list = publish(5, OPERATOR);
        LoteReload reload = reload(list);
        reload.load(NOW);

        publish(6, IMPOSTOR);
        LoteVerdict forged = only(reload.load(NOW));
        Files.delete(list);
        LoteVerdict gone = only(reload.load(NOW));

        assertThat(sequence(forged)).isEqualTo(5);
        assertThat(forged.trace().get(0)).contains("refused (" + ListRejection.SIGNER_NOT_TRUSTED.code() + ")");
        assertThat(sequence(gone)).isEqualTo(5);
        assertThat(gone.trace().get(0)).contains("refused (list_unavailable)", "no such file");
    }

    @Test
    void a_newer_authentic_copy_replaces_the_one_in_force() throws IOException {
        LoteReload reload = reload(publish(5, OPERATOR));
        reload.load(NOW);
        publish(6, OPERATOR);

        LoteVerdict newer = only(reload.load(NOW));

        assertThat(newer.accepted()).isTrue();
        assertThat(sequence(newer)).isEqualTo(6);
        assertThat(newer.trace()).noneSatisfy(line -> assertThat(line).contains("refused"));
    }

    @Test
    void a_list_never_seen_authentic_is_reported_as_refused() throws IOException {
        LoteVerdict forged = only(reload(publish(5, IMPOSTOR)).load(NOW));

        assertThat(forged.rejection()).contains(ListRejection.SIGNER_NOT_TRUSTED);
    }
}

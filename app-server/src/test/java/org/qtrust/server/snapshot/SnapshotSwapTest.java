package org.qtrust.server.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.certificate.BouncyCastleCertificateInspector;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.server.RunningServer;

/**
 * A refresh swaps the whole snapshot at once: while snapshots are swapped as fast as possible,
 * every answer comes from exactly one of them, never from a mix.
 */
class SnapshotSwapTest {

    @Test
    void requests_in_flight_see_one_consistent_snapshot_while_snapshots_are_swapped() throws Exception {
        RunningServer server = RunningServer.get();
        SnapshotHolder holder = server.server().snapshots();
        TrustedListsSnapshot full = holder.current().orElseThrow();
        TrustedListsReport report = full.report();
        TrustedListsSnapshot small = new TrustedListsSnapshot(new TrustedListsReport(report.validationTime(), report.listOfLists(),
                report.pivots(), report.lists().subList(0, 5)), full.loadedAt(), "five lists", Duration.ZERO,
                new BouncyCastleCertificateInspector());
        TrustedListsSnapshot fullAgain = new TrustedListsSnapshot(report, full.loadedAt(), "all lists", Duration.ZERO,
                new BouncyCastleCertificateInspector());

        AtomicBoolean swapping = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> swapper = threads.submit(() -> {
                while (swapping.get()) {
                    holder.swap(small);
                    LockSupport.parkNanos(50_000);
                    holder.swap(fullAgain);
                    LockSupport.parkNanos(50_000);
                }
            });
            List<Future<List<JsonNode>>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(threads.submit(() -> {
                    List<JsonNode> answers = new ArrayList<>();
                    for (int i = 0; i < 15; i++) {
                        answers.add(RunningServer.json(server.get("/v1/trusted-lists?at=2019-10-01T00:00:00Z")));
                    }
                    return answers;
                }));
            }
            List<JsonNode> answers = new ArrayList<>();
            for (Future<List<JsonNode>> reader : readers) {
                answers.addAll(reader.get());
            }
            swapping.set(false);
            swapper.get();

            assertThat(answers).allSatisfy(answer -> assertThat(answer.get("lists").size())
                    .isEqualTo(answer.get("origin").asText().equals("five lists") ? 5 : 31));
            assertThat(answers).extracting(a -> a.get("origin").asText()).contains("five lists", "all lists");
        } finally {
            swapping.set(false);
            holder.swap(full);
            threads.shutdownNow();
        }
    }
}

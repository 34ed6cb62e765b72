package org.qtrust.adapters.xml;

import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.port.MalformedListException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Throwaway measurement, not a test: warm read time of the 29 lists of the seq-248 snapshot and
 * the heap the loaded model retains. Run after {@code mvn -pl core,adapters-xml -am test-compile}:
 * <pre>
 * cd adapters-xml
 * mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.qtrust.adapters.xml.SnapshotReadBenchmark
 * </pre>
 * Retained heap is estimated as used heap after full GCs with the model held, minus without;
 * the JDK's soft X.509 certificate cache is warm in both states, so it cancels out.
 */
public final class SnapshotReadBenchmark {

    private SnapshotReadBenchmark() {
    }

    public static void main(String[] args) throws MalformedListException, InterruptedException {
        Ts119612ListReader reader = new Ts119612ListReader();
        List<ListDocument> documents = new ArrayList<>();
        long bytes = 0;
        for (String file : SharedTrustData.xmlFiles("lotl-snapshot")) {
            ListDocument document = SharedTrustData.document(file);
            documents.add(document);
            bytes += document.size();
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long[] times = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (ListDocument document : documents) {
                reader.read(document);
            }
            times[round] = System.nanoTime() - start;
        }
        long[] warm = Arrays.copyOfRange(times, rounds / 2, rounds);
        Arrays.sort(warm);
        System.out.printf("%d lists, %.1f MB: first %.1f ms; warm (last %d rounds) min %.1f ms, median %.1f ms, p90 %.1f ms%n",
                documents.size(), bytes / 1e6, times[0] / 1e6, warm.length,
                warm[0] / 1e6, warm[warm.length / 2] / 1e6, warm[warm.length * 9 / 10] / 1e6);

        long without = usedAfterGc();
        List<TrustedList> model = new ArrayList<>();
        for (ListDocument document : documents) {
            model.add(reader.read(document));
        }
        long with = usedAfterGc(); // the documents are held in both measurements
        documents.clear();
        int services = model.stream().mapToInt(TrustedList::serviceCount).sum();
        System.out.printf("model of %d lists, %d services retains about %.1f MB%n",
                model.size(), services, (with - without) / (1024.0 * 1024.0));
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(150);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}

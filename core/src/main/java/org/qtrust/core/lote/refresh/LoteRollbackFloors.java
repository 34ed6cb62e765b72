package org.qtrust.core.lote.refresh;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.trustedlist.loading.ListRejection;

/**
 * Rollback floors for lists of trusted entities read from shared storage (the trusted lists'
 * counterpart is {@code RollbackFloors}): an accepted list whose LoTESequenceNumber is lower
 * than the highest ever stored for its location is an older authentic copy replayed, and is
 * refused as {@link ListRejection#ROLLBACK} (TS 119 602 §6.3.2: the sequence number only grows).
 */
public final class LoteRollbackFloors {

    private LoteRollbackFloors() {
    }

    /** @param floors the highest stored sequence number per configured location */
    public static List<LoteVerdict> apply(List<LoteVerdict> verdicts, Map<String, BigInteger> floors) {
        List<LoteVerdict> judged = new ArrayList<>(verdicts.size());
        for (LoteVerdict verdict : verdicts) {
            BigInteger floor = floors.get(verdict.location());
            if (!verdict.accepted() || verdict.list().isEmpty() || floor == null
                    || verdict.list().get().scheme().sequenceNumber().compareTo(floor) >= 0) {
                judged.add(verdict);
                continue;
            }
            List<String> trace = new ArrayList<>(verdict.trace());
            trace.add("sequence number " + verdict.list().get().scheme().sequenceNumber() + " is lower than " + floor
                    + ", the highest ever stored for this list: an older copy replayed, refused (TS 119 602 §6.3.2)");
            trace.add("rejected: " + ListRejection.ROLLBACK.code());
            judged.add(new LoteVerdict(verdict.location(), verdict.list(), verdict.signature(),
                    Optional.of(ListRejection.ROLLBACK), false, trace));
        }
        return List.copyOf(judged);
    }
}

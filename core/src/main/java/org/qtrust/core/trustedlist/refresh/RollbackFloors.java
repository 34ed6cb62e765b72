package org.qtrust.core.trustedlist.refresh;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;

/**
 * Applies rollback floors to a load: a list whose TSLSequenceNumber is lower than the highest
 * ever accepted for its location is refused ({@link ListRejection#ROLLBACK}), exactly as a
 * refresh refuses an older download (TS 119 612 §5.3.3: TSLSequenceNumber only grows). Used
 * where the documents come from shared storage that could replay an older authentic copy.
 */
public final class RollbackFloors {

    private RollbackFloors() {
    }

    /**
     * @param floors the highest accepted sequence number per cache name ({@code EU.xml}, {@code AT.xml}…)
     * @param names  how a location is named in {@code floors}
     */
    public static TrustedListsReport apply(TrustedListsReport report, Map<String, BigInteger> floors,
                                           java.util.function.Function<ListLocation, String> names) {
        ListVerdict lotl = judge(report.listOfLists(), floors, names);
        List<ListVerdict> lists = new ArrayList<>();
        for (ListVerdict verdict : report.lists()) {
            lists.add(judge(verdict, floors, names));
        }
        return new TrustedListsReport(report.validationTime(), lotl, report.pivots(), lists);
    }

    private static ListVerdict judge(ListVerdict verdict, Map<String, BigInteger> floors,
                                     java.util.function.Function<ListLocation, String> names) {
        if (!verdict.accepted() || verdict.list().isEmpty()) {
            return verdict;
        }
        BigInteger sequence = verdict.list().get().scheme().sequenceNumber();
        Optional<BigInteger> floor = Optional.ofNullable(floors.get(names.apply(verdict.location())));
        if (floor.isEmpty() || sequence.compareTo(floor.get()) >= 0) {
            return verdict;
        }
        List<String> trace = new ArrayList<>(verdict.trace());
        trace.add("sequence number " + sequence + " is lower than " + floor.get()
                + ", the highest ever accepted for this list: an older copy replayed, refused (TS 119 612 §5.3.3)");
        return new ListVerdict(verdict.location(), verdict.list(), verdict.signature(), Optional.of(ListRejection.ROLLBACK),
                false, trace);
    }
}

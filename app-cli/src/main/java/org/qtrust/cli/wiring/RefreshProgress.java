package org.qtrust.cli.wiring;

import java.io.PrintWriter;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.refresh.RefreshListener;
import org.qtrust.core.trustedlist.refresh.port.FetchResult;

/**
 * Progress of a refresh on stderr: a bar redrawn in place on a terminal, one plain line per
 * download otherwise (logs, CI). Stdout stays for the summary or the JSON document.
 */
public final class RefreshProgress implements RefreshListener {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private int planned;
    private int fetched;
    private boolean drawn;

    public RefreshProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void planned(int lists) {
        planned = lists;
    }

    @Override
    public synchronized void fetched(ListLocation location, FetchResult result) {
        String name = location.role() == ListLocation.Role.PIVOT ? "pivot " + location.fileName() : location.territory();
        if (location.role() == ListLocation.Role.TERRITORY_LIST) {
            fetched++;
        }
        if (terminal) {
            int total = Math.max(planned, fetched);
            int filled = total == 0 ? 0 : WIDTH * fetched / total;
            String count = total == 0 ? "     " : String.format("%2d/%-2d", fetched, total);
            err.printf("\r[%s%s] %s %-40.40s", "#".repeat(filled), ".".repeat(WIDTH - filled), count,
                    name + " " + outcome(result));
            drawn = true;
        } else {
            err.printf("fetched %s: %s%n", name, outcome(result));
        }
        err.flush();
    }

    public synchronized void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }

    private static String outcome(FetchResult result) {
        if (result instanceof FetchResult.Downloaded downloaded) {
            return "downloaded (" + (downloaded.document().size() + 1023) / 1024 + " KB)";
        }
        if (result instanceof FetchResult.NotModified) {
            return "not modified";
        }
        return "failed: " + ((FetchResult.Failed) result).reason();
    }
}

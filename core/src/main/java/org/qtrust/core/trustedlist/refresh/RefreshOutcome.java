package org.qtrust.core.trustedlist.refresh;

import java.util.Locale;

/** What a refresh did with one list. */
public enum RefreshOutcome {
    /** A newer (or re-issued) verified copy replaced the cached one. */
    UPDATED,
    /** The publisher confirmed the cached copy (HTTP 304, or the same bytes again). */
    NOT_MODIFIED,
    /** First verified copy of a list the cache did not hold. */
    NEW,
    /** The new copy could not be had or used; the cached copy stays. See the problem. */
    KEPT_LAST_GOOD,
    /** No usable copy at all: nothing cached and nothing good downloaded. */
    FAILED,
    /** The LOTL no longer points to this territory: its copy was removed from the cache. */
    REMOVED;

    /** The stable form used in JSON and in summaries: "updated", "kept_last_good"… */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the outcome needs someone's attention. */
    public boolean isProblem() {
        return this == KEPT_LAST_GOOD || this == FAILED;
    }
}

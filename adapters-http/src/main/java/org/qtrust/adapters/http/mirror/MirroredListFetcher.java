package org.qtrust.adapters.http.mirror;

import java.util.Objects;
import java.util.Optional;
import org.qtrust.adapters.http.fetch.HttpListSource;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.refresh.port.FetchResult;
import org.qtrust.core.trustedlist.refresh.port.ListFetcher;

/**
 * A {@link ListFetcher} that asks the publisher's location first and, only when that fails,
 * the mirrors in order for the same document (issue 19.2). A mirror is asked unconditionally
 * (the publisher's ETag means nothing to it) over https only, through the same transport and
 * egress rule; its answer is marked as a mirror's so the refresher stores it with that origin,
 * and verifies it exactly like the publisher's (signatures, pointers, rollback floors).
 */
public final class MirroredListFetcher implements ListFetcher {

    private final ListFetcher publisher;
    private final HttpListSource http;
    private final ListMirrors mirrors;

    public MirroredListFetcher(ListFetcher publisher, HttpListSource http, ListMirrors mirrors) {
        this.publisher = Objects.requireNonNull(publisher);
        this.http = Objects.requireNonNull(http);
        this.mirrors = Objects.requireNonNull(mirrors);
    }

    @Override
    public FetchResult fetch(ListLocation location, Validators validators) {
        FetchResult first = publisher.fetch(location, validators);
        if (!(first instanceof FetchResult.Failed failed) || mirrors.isEmpty()) {
            return first;
        }
        Optional<String> name = ListMirrors.fileName(location);
        if (name.isEmpty()) {
            return new FetchResult.Failed(failed.reason() + "; no mirror name for " + location.fileName());
        }
        StringBuilder reasons = new StringBuilder(failed.reason());
        for (String base : mirrors.bases()) {
            FetchResult fromMirror = http.fetchFromMirror(location, base + name.get());
            if (fromMirror instanceof FetchResult.Downloaded downloaded) {
                return downloaded.fromMirror(base, failed.reason());
            }
            String why = fromMirror instanceof FetchResult.Failed mirrorFailed ? mirrorFailed.reason() : "no document";
            reasons.append("; mirror ").append(base).append(": ").append(why);
        }
        return new FetchResult.Failed(reasons.toString());
    }
}

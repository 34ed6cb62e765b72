package org.qtrust.core.trustedlist;

import java.util.Objects;

/** The outcome of looking a list document up: found, or unavailable with the reason. */
public sealed interface DocumentLookup {

    record Found(ListDocument document) implements DocumentLookup {
        public Found {
            Objects.requireNonNull(document);
        }
    }

    record Unavailable(String reason) implements DocumentLookup {
        public Unavailable {
            Objects.requireNonNull(reason);
        }
    }
}

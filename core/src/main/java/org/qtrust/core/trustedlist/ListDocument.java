package org.qtrust.core.trustedlist;

import java.util.Objects;

/** The raw bytes of a list document and where they came from. Untrusted until verified. */
public record ListDocument(String location, byte[] content) {

    public ListDocument {
        Objects.requireNonNull(location);
        Objects.requireNonNull(content);
    }

    public int size() {
        return content.length;
    }
}

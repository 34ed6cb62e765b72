package org.qtrust.core.credential.metadata;

import java.util.List;
import java.util.Objects;

/** What looking up an issuer's metadata gave. */
public sealed interface MetadataLookup {

    /** Not looked up (offline, or an {@code iss} metadata may not be fetched from, e.g. not https); not a rejection. */
    record Skipped(String reason) implements MetadataLookup {
        public Skipped {
            Objects.requireNonNull(reason);
        }
    }

    /**
     * The documents the issuer publishes (possibly none: metadata is optional when the key comes
     * from {@code x5c}), and notes on what could not be fetched.
     */
    record Found(List<IssuerMetadata> documents, List<String> notes) implements MetadataLookup {
        public Found {
            documents = List.copyOf(documents);
            notes = List.copyOf(notes);
        }
    }

    /** A document was served but is not usable metadata: fail closed. */
    record Broken(String reason) implements MetadataLookup {
        public Broken {
            Objects.requireNonNull(reason);
        }
    }
}

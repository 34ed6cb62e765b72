package org.qtrust.core.credential.mdoc.cbor;

/**
 * What a CBOR reader accepts before it gives up: hostile input must not cost unbounded memory or
 * time. A reader checks the total size before parsing and every other limit while parsing.
 *
 * @param maxBytes           the whole encoding
 * @param maxDepth           nesting of arrays, maps and tags
 * @param maxItems           data items in all
 * @param maxContainerLength entries of one array or map
 * @param maxStringBytes     bytes of one byte or text string
 * @param indefiniteLengths  whether indefinite-length arrays, maps and strings are accepted
 */
public record CborLimits(int maxBytes, int maxDepth, int maxItems, int maxContainerLength, int maxStringBytes,
                         boolean indefiniteLengths) {

    /**
     * The envelope of a presentation (DeviceResponse, IssuerSigned): 4 MiB, depth 24, 200,000
     * items, 20,000 per container, 1 MiB per string (a portrait). Indefinite lengths are allowed
     * here: these bytes are neither signed nor digested (RFC 8949 §3.2.2 allows them).
     */
    public static final CborLimits ENVELOPE = new CborLimits(4 << 20, 24, 200_000, 20_000, 1 << 20, true);

    /**
     * What is hashed or signed as encoded (tag 24 contents: the MSO, IssuerSignedItems,
     * DeviceNameSpaces; COSE protected headers): definite lengths only, as ISO/IEC 18013-5 §8.1
     * and RFC 8949 §4.2 (deterministic encoding) ask, within the envelope's other limits.
     */
    public static final CborLimits EMBEDDED = new CborLimits(4 << 20, 24, 200_000, 20_000, 1 << 20, false);

    public CborLimits {
        if (maxBytes <= 0 || maxDepth <= 0 || maxItems <= 0 || maxContainerLength <= 0 || maxStringBytes <= 0) {
            throw new IllegalArgumentException("CBOR limits are positive");
        }
    }
}

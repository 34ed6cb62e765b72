package org.qtrust.core.credential.disclosure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.qtrust.core.credential.port.JsonWebTokens;
import org.qtrust.core.credential.port.MalformedTokenException;

/**
 * Processes the issuer JWT's payload with the presented disclosures (RFC 9901 §7.1 steps 3–5):
 * every {@code _sd} digest and every array element {@code {"...": digest}} is replaced by the
 * disclosure it references (recursively), unreferenced digests (decoys, undisclosed claims) are
 * dropped, and the result is the payload a relying party may use.
 */
public final class SelectiveDisclosures {

    public static final String SD = "_sd";
    public static final String SD_ALG = "_sd_alg";
    public static final String ARRAY_ELEMENT = "...";
    /** Deeper nesting is refused: a payload is data, not a recursion bomb. */
    static final int MAX_DEPTH = 32;

    private final JsonWebTokens json;

    public SelectiveDisclosures(JsonWebTokens json) {
        this.json = Objects.requireNonNull(json);
    }

    /**
     * @param payload     the issuer JWT's claims
     * @param disclosures the presented disclosures (base64url, as received)
     * @return the processed payload and the hash algorithm in force (also what the KB-JWT's sd_hash uses)
     * @throws DisclosureException when a rule of RFC 9901 §7.1 is broken
     */
    public Processed process(Map<String, Object> payload, List<String> disclosures) throws DisclosureException {
        HashAlgorithm algorithm = algorithm(payload);
        Map<String, Disclosure> byDigest = new HashMap<>();
        for (String encoded : disclosures) {
            Disclosure disclosure = decode(encoded);
            // RFC 9901 §7.1 step 3.2.1: the digest is over the disclosure exactly as presented.
            if (byDigest.put(algorithm.digest(encoded), disclosure) != null) {
                throw new DisclosureException("the same disclosure is presented twice");
            }
        }
        Walk walk = new Walk(byDigest);
        Map<String, Object> claims = walk.object(payload, 0);
        claims.remove(SD_ALG);
        if (walk.used.size() != byDigest.size()) {
            // RFC 9901 §7.1 step 5: every disclosure must be referenced by a digest of the payload or another disclosure.
            int unused = byDigest.size() - walk.used.size();
            throw new DisclosureException(unused + " disclosure(s) not referenced by any digest in the issuer JWT");
        }
        return new Processed(claims, algorithm, byDigest.size());
    }

    /** The processed payload, the hash algorithm and how many disclosures were put in place. */
    public record Processed(Map<String, Object> claims, HashAlgorithm algorithm, int disclosed) {
    }

    private static HashAlgorithm algorithm(Map<String, Object> payload) throws DisclosureException {
        Object name = payload.get(SD_ALG);
        if (name == null) {
            return HashAlgorithm.SHA_256;
        }
        if (!(name instanceof String text)) {
            throw new DisclosureException("_sd_alg is not a string");
        }
        return HashAlgorithm.named(text).orElseThrow(() -> new DisclosureException("_sd_alg " + text + " is not a supported hash algorithm"));
    }

    /** One decoded disclosure: {@code [salt, name, value]} for a property, {@code [salt, value]} for an array element. */
    private record Disclosure(String encoded, String name, Object value) {
        boolean isProperty() {
            return name != null;
        }
    }

    private Disclosure decode(String encoded) throws DisclosureException {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new DisclosureException("a disclosure is not base64url");
        }
        Object parsed;
        try {
            parsed = json.parseJson(text);
        } catch (MalformedTokenException e) {
            throw new DisclosureException("a disclosure is not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof List<?> array) || array.size() < 2 || array.size() > 3) {
            throw new DisclosureException("a disclosure is not a JSON array of 2 or 3 elements");
        }
        if (!(array.get(0) instanceof String)) {
            throw new DisclosureException("a disclosure's salt is not a string");
        }
        if (array.size() == 2) {
            return new Disclosure(encoded, null, array.get(1));
        }
        if (!(array.get(1) instanceof String name)) {
            throw new DisclosureException("a disclosure's claim name is not a string");
        }
        // RFC 9901 §7.1 step 3.2.2.1: these names would smuggle digests past the rules.
        if (SD.equals(name) || ARRAY_ELEMENT.equals(name)) {
            throw new DisclosureException("a disclosure discloses the reserved name '" + name + "'");
        }
        return new Disclosure(encoded, name, array.get(2));
    }

    /** One pass over the payload: remembers every digest seen and every disclosure used. */
    private static final class Walk {
        private final Map<String, Disclosure> byDigest;
        private final Set<String> seen = new HashSet<>();
        private final Set<String> used = new HashSet<>();

        Walk(Map<String, Disclosure> byDigest) {
            this.byDigest = byDigest;
        }

        Map<String, Object> object(Map<?, ?> source, int depth) throws DisclosureException {
            depth(depth);
            Map<String, Object> result = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : source.entrySet()) {
                String name = (String) entry.getKey();
                if (SD.equals(name) || ARRAY_ELEMENT.equals(name)) {
                    continue;
                }
                result.put(name, value(entry.getValue(), depth + 1));
            }
            Object digests = source.get(SD);
            if (digests == null) {
                return result;
            }
            if (!(digests instanceof List<?> list)) {
                throw new DisclosureException("_sd is not an array");
            }
            for (Object digest : list) {
                if (!(digest instanceof String text)) {
                    throw new DisclosureException("_sd holds something other than a digest string");
                }
                Disclosure disclosure = reference(text);
                if (disclosure == null) {
                    continue;
                }
                if (!disclosure.isProperty()) {
                    throw new DisclosureException("an array-element disclosure is referenced from _sd");
                }
                if (result.containsKey(disclosure.name())) {
                    throw new DisclosureException("claim '" + disclosure.name() + "' is both disclosed and present, or disclosed twice");
                }
                result.put(disclosure.name(), value(disclosure.value(), depth + 1));
            }
            return result;
        }

        List<Object> array(List<?> source, int depth) throws DisclosureException {
            depth(depth);
            List<Object> result = new ArrayList<>(source.size());
            for (Object element : source) {
                if (element instanceof Map<?, ?> map && map.containsKey(ARRAY_ELEMENT)) {
                    if (map.size() != 1 || !(map.get(ARRAY_ELEMENT) instanceof String digest)) {
                        throw new DisclosureException("an array element with '...' must be {\"...\": digest} and nothing else");
                    }
                    Disclosure disclosure = reference(digest);
                    if (disclosure == null) {
                        continue; // undisclosed element or decoy: dropped
                    }
                    if (disclosure.isProperty()) {
                        throw new DisclosureException("a property disclosure is referenced as an array element");
                    }
                    result.add(value(disclosure.value(), depth + 1));
                } else {
                    result.add(value(element, depth + 1));
                }
            }
            return result;
        }

        private Object value(Object value, int depth) throws DisclosureException {
            if (value instanceof Map<?, ?> map) {
                return object(map, depth);
            }
            if (value instanceof List<?> list) {
                return array(list, depth);
            }
            return value;
        }

        /** The disclosure a digest references, or null (a decoy); a digest met twice rejects (RFC 9901 §7.1 step 4). */
        private Disclosure reference(String digest) throws DisclosureException {
            if (!seen.add(digest)) {
                throw new DisclosureException("digest " + digest + " appears more than once");
            }
            Disclosure disclosure = byDigest.get(digest);
            if (disclosure != null) {
                used.add(digest);
            }
            return disclosure;
        }

        private static void depth(int depth) throws DisclosureException {
            if (depth > MAX_DEPTH) {
                throw new DisclosureException("the payload nests deeper than " + MAX_DEPTH + " levels");
            }
        }
    }
}

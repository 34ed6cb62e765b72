package org.qtrust.core.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which kind a wallet credential is, read from its {@code vct}: the first prefix (in the order
 * given) the vct starts with decides; a vct no prefix matches is {@code otherwise}. Only the kind
 * chooses the lists (by {@link IssuerTrustPolicy}); a wrong kind can only make fewer lists count.
 *
 * @param vctPrefixes vct prefix → kind, in order of precedence
 * @param otherwise   the kind of every other credential
 */
public record CredentialKindRule(Map<String, CredentialKind> vctPrefixes, CredentialKind otherwise) {

    /** PID vct namespaces: the ARF's {@code urn:eudi:pid:} and the EU reference implementation's {@code urn:eu.europa.ec.eudi:pid:}. */
    public static final String EUDI_PID_PREFIX = "urn:eudi:pid:";
    public static final String EU_EC_EUDI_PID_PREFIX = "urn:eu.europa.ec.eudi:pid:";

    public CredentialKindRule {
        Objects.requireNonNull(otherwise);
        vctPrefixes.keySet().forEach(prefix -> {
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("a vct prefix is not empty");
            }
        });
        vctPrefixes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vctPrefixes));
    }

    /** {@code urn:eudi:pid:*} and {@code urn:eu.europa.ec.eudi:pid:*} are PIDs; anything else an attestation. */
    public static CredentialKindRule euDefault() {
        Map<String, CredentialKind> prefixes = new LinkedHashMap<>();
        prefixes.put(EUDI_PID_PREFIX, CredentialKind.PID);
        prefixes.put(EU_EC_EUDI_PID_PREFIX, CredentialKind.PID);
        return new CredentialKindRule(prefixes, CredentialKind.ATTESTATION);
    }

    public CredentialKind kindOf(String vct) {
        for (Map.Entry<String, CredentialKind> entry : vctPrefixes.entrySet()) {
            if (vct.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return otherwise;
    }

    /** "vct urn:eudi:pid:… → pid, otherwise attestation". */
    public String describe() {
        StringBuilder text = new StringBuilder("vct ");
        vctPrefixes.forEach((prefix, kind) -> text.append(prefix).append("* → ").append(kind.code()).append(", "));
        return text.append("otherwise ").append(otherwise.code()).toString();
    }
}

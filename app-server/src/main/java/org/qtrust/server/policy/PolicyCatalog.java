package org.qtrust.server.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.policy.port.PolicyFormatException;
import org.qtrust.core.policy.port.VerificationPolicyReader;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.server.config.ConfigurationException;

/**
 * The policies a request may name, by their own name; the first configured is the default.
 * Read once at start: a request can only choose among them, never supply its own.
 */
public final class PolicyCatalog {

    public static final String EU_EIDAS = "eu-eidas";

    private final Map<String, VerificationPolicy> byName;
    private final VerificationPolicy defaultPolicy;

    private PolicyCatalog(Map<String, VerificationPolicy> byName, VerificationPolicy defaultPolicy) {
        this.byName = Map.copyOf(byName);
        this.defaultPolicy = defaultPolicy;
    }

    /** @param entries built-in names ({@value #EU_EIDAS}) or policy files */
    public static PolicyCatalog read(List<String> entries, VerificationPolicyReader reader) {
        return read(entries, reader, Optional.empty());
    }

    /**
     * @param entries    built-in names ({@value #EU_EIDAS}) or policy files
     * @param revocation the server's revocation setting, which replaces every policy's own mode
     */
    public static PolicyCatalog read(List<String> entries, VerificationPolicyReader reader, Optional<RevocationMode> revocation) {
        Map<String, VerificationPolicy> byName = new LinkedHashMap<>();
        VerificationPolicy first = null;
        for (String entry : entries) {
            VerificationPolicy policy = policy(entry, reader);
            if (revocation.isPresent()) {
                policy = policy.withRevocation(revocation.get());
            }
            if (policy.trustsNothing()) {
                throw new ConfigurationException("policy " + policy.name() + " uses no trusted list and names no anchor");
            }
            if (byName.putIfAbsent(policy.name(), policy) != null) {
                throw new ConfigurationException("two policies are named " + policy.name());
            }
            first = first == null ? policy : first;
        }
        if (first == null) {
            throw new ConfigurationException("at least one policy is needed");
        }
        return new PolicyCatalog(byName, first);
    }

    private static VerificationPolicy policy(String entry, VerificationPolicyReader reader) {
        if (EU_EIDAS.equals(entry)) {
            return VerificationPolicy.euEidas();
        }
        Path file = Path.of(entry);
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("--policy " + entry + ": neither a built-in policy (" + EU_EIDAS + ") nor a policy file");
        }
        try {
            return reader.read(file);
        } catch (PolicyFormatException e) {
            throw new ConfigurationException("--policy " + entry + ": " + e.getMessage());
        }
    }

    /** The named policy, or the default when no name is given; empty for an unknown name. */
    public Optional<VerificationPolicy> find(Optional<String> name) {
        if (name.isEmpty()) {
            return Optional.of(defaultPolicy);
        }
        return Optional.ofNullable(byName.get(name.get()));
    }

    public VerificationPolicy defaultPolicy() {
        return defaultPolicy;
    }

    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }
}

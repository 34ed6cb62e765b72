package org.qtrust.adapters.xml.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qtrust.core.certificate.QcType;
import org.qtrust.core.lote.LoteIdentifiers;
import org.qtrust.core.credential.CredentialStatusMode;
import org.qtrust.core.policy.CredentialIssuerPolicy;
import org.qtrust.core.policy.IssuerBinding;
import org.qtrust.core.policy.CredentialKind;
import org.qtrust.core.policy.CredentialKindRule;
import org.qtrust.core.policy.CryptoConstraints;
import org.qtrust.core.policy.KeyLimits;
import org.qtrust.core.policy.IssuerTrustPolicy;
import org.qtrust.core.policy.PlainTrustAnchor;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.policy.TimeThatCounts;
import org.qtrust.core.policy.TrustSourceRule;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.policy.port.PolicyFormatException;
import org.qtrust.core.policy.port.VerificationPolicyReader;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.trustedlist.ServiceCertificate;

/**
 * Reads a policy from JSON (see docs/policies.md). Every field is optional: a missing one takes
 * the value of the EU eIDAS default ({@link VerificationPolicy#euEidas()}). Unknown fields are
 * refused so that a typo never silently loosens a policy. Plain anchors are certificate files
 * (PEM or DER) named relative to the policy file, or inline PEM.
 */
public final class JsonPolicyReader implements VerificationPolicyReader {

    /** Policy files are small; anything bigger is not a policy. */
    public static final long MAX_BYTES = 1024 * 1024;

    private static final Set<String> FIELDS = Set.of("name", "jurisdiction", "description", "useTrustedLists", "acceptedServiceTypes",
            "acceptedStatuses", "statusTime", "requireQcCompliance", "requiredQcTypes", "requireQualified", "plainAnchors", "revocation",
            "crypto", "credentialIssuers", "issuerBinding", "credentialStatus", "$comment");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public JsonPolicyReader() {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
    }

    @Override
    public VerificationPolicy read(Path document) throws PolicyFormatException {
        byte[] bytes;
        try {
            if (Files.size(document) > MAX_BYTES) {
                throw new PolicyFormatException(document + ": larger than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(document);
        } catch (IOException e) {
            throw new PolicyFormatException(document + ": cannot be read (" + e.getMessage() + ")", e);
        }
        Path folder = document.toAbsolutePath().getParent();
        return parse(bytes, folder, document.getFileName().toString());
    }

    /** Reads a policy from JSON bytes; anchor files are resolved against {@code folder}. */
    public VerificationPolicy parse(byte[] json, Path folder, String where) throws PolicyFormatException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PolicyFormatException(where + ": not JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new PolicyFormatException(where + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new PolicyFormatException(where + ": a policy is a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new PolicyFormatException(where + ": unknown field '" + name + "' (known: " + FIELDS.stream().sorted().toList() + ")");
            }
        }
        VerificationPolicy base = VerificationPolicy.euEidas();
        try {
            String name = text(root, "name", base.name());
            String jurisdiction = text(root, "jurisdiction", base.jurisdiction());
            String description = text(root, "description", root.has("name") ? "" : base.description());
            boolean useLists = bool(root, "useTrustedLists", base.useTrustedLists());
            Set<String> types = root.has("acceptedServiceTypes") ? expandTypes(strings(root, "acceptedServiceTypes")) : base.acceptedServiceTypes();
            Set<String> statuses = root.has("acceptedStatuses") ? new LinkedHashSet<>(strings(root, "acceptedStatuses")) : base.acceptedStatuses();
            TimeThatCounts statusTime = root.has("statusTime") ? TimeThatCounts.parse(text(root, "statusTime", null)) : base.statusTime();
            boolean requireCompliance = bool(root, "requireQcCompliance", base.requireQcCompliance());
            Set<QcType> qcTypes = root.has("requiredQcTypes") ? qcTypes(strings(root, "requiredQcTypes")) : base.requiredQcTypes();
            boolean requireQualified = bool(root, "requireQualified", base.requireQualified());
            List<PlainTrustAnchor> anchors = root.has("plainAnchors") ? anchors(root.get("plainAnchors"), folder, jurisdiction, where)
                    : base.plainAnchors();
            RevocationMode revocation = root.has("revocation") ? RevocationMode.parse(text(root, "revocation", null)) : base.revocation();
            CryptoConstraints crypto = root.has("crypto") ? crypto(root.get("crypto")) : base.crypto();
            CredentialIssuerPolicy issuers = root.has("credentialIssuers")
                    ? credentialIssuers(root.get("credentialIssuers"), name, base.credentialIssuers()) : base.credentialIssuers();
            if (root.has("issuerBinding")) {
                issuers = issuers.withBinding(IssuerBinding.parse(text(root, "issuerBinding", null)));
            }
            if (root.has("credentialStatus")) {
                String mode = text(root, "credentialStatus", null);
                try {
                    issuers = issuers.withStatus(CredentialStatusMode.parse(mode == null ? "" : mode));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("credentialStatus " + e.getMessage(), e);
                }
            }
            return new VerificationPolicy(name, jurisdiction, description, useLists, types, statuses, statusTime, requireCompliance,
                    qcTypes, requireQualified, anchors, revocation, crypto, issuers);
        } catch (IllegalArgumentException e) {
            throw new PolicyFormatException(where + ": " + e.getMessage(), e);
        }
    }

    private static final Set<String> ISSUER_FIELDS = Set.of("kinds", "otherwise", "trustSources", "statusTime", "$comment");
    private static final Set<String> SOURCE_FIELDS = Set.of("source", "listType", "serviceTypes", "statuses", "$comment");

    /**
     * {"kinds": {vct prefix: kind}, "otherwise": kind, "trustSources": {kind: [rule…]}, "statusTime"}:
     * a missing member keeps the EU default; "trustSources" replaces every kind's rules, so a kind
     * it does not name has no trusted issuer (fail closed).
     */
    private static CredentialIssuerPolicy credentialIssuers(JsonNode node, String policyName, CredentialIssuerPolicy base) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("credentialIssuers must be an object");
        }
        known(node, ISSUER_FIELDS, "credentialIssuers");
        CredentialKindRule kinds = base.kinds();
        if (node.has("kinds") || node.has("otherwise")) {
            Map<String, CredentialKind> prefixes = new LinkedHashMap<>(kinds.vctPrefixes());
            if (node.has("kinds")) {
                JsonNode map = node.get("kinds");
                if (!map.isObject()) {
                    throw new IllegalArgumentException("credentialIssuers.kinds must map vct prefixes to kinds");
                }
                prefixes.clear();
                for (Iterator<Map.Entry<String, JsonNode>> fields = map.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = fields.next();
                    if (!entry.getValue().isTextual()) {
                        throw new IllegalArgumentException("credentialIssuers.kinds." + entry.getKey() + " must be a kind");
                    }
                    prefixes.put(entry.getKey(), CredentialKind.parse(entry.getValue().asText()));
                }
            }
            CredentialKind otherwise = node.has("otherwise") ? CredentialKind.parse(text(node, "otherwise", null)) : kinds.otherwise();
            kinds = new CredentialKindRule(prefixes, otherwise);
        }
        IssuerTrustPolicy trust = base.trust();
        TimeThatCounts statusTime = node.has("statusTime") ? TimeThatCounts.parse(text(node, "statusTime", null)) : trust.statusTime();
        Map<CredentialKind, List<TrustSourceRule>> rules = trust.rules();
        if (node.has("trustSources")) {
            JsonNode map = node.get("trustSources");
            if (!map.isObject()) {
                throw new IllegalArgumentException("credentialIssuers.trustSources must map kinds to lists of sources");
            }
            rules = new EnumMap<>(CredentialKind.class);
            for (Iterator<Map.Entry<String, JsonNode>> fields = map.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = fields.next();
                CredentialKind kind = CredentialKind.parse(entry.getKey());
                if (!entry.getValue().isArray()) {
                    throw new IllegalArgumentException("credentialIssuers.trustSources." + entry.getKey() + " must be an array of sources");
                }
                List<TrustSourceRule> sources = new ArrayList<>();
                for (JsonNode source : entry.getValue()) {
                    sources.add(trustSource(source, "credentialIssuers.trustSources." + entry.getKey()));
                }
                rules.put(kind, sources);
            }
        }
        return new CredentialIssuerPolicy(kinds, new IssuerTrustPolicy(policyName, rules, statusTime));
    }

    /** {"source": "LoTE"|"TL"|"anchor", "listType" (LoTE), "serviceTypes": […], "statuses": […]}; short names expand to the ETSI URIs. */
    private static TrustSourceRule trustSource(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": a source is an object");
        }
        known(node, SOURCE_FIELDS, where);
        String source = text(node, "source", "");
        if ("anchor".equals(source)) {
            // Issue 13: plain anchors vouch for no issuer role unless a policy names them for a kind, explicitly.
            if (node.has("listType") || node.has("serviceTypes") || node.has("statuses")) {
                throw new IllegalArgumentException(where + ": an anchor source has no listType, serviceTypes or statuses");
            }
            return TrustSourceRule.plainAnchor();
        }
        List<String> serviceTypes = strings(node, "serviceTypes");
        switch (source) {
            case "LoTE" -> {
                String listType = text(node, "listType", "");
                if (listType.isBlank()) {
                    throw new IllegalArgumentException(where + ": a LoTE source names its listType (e.g. EUPIDProvidersList)");
                }
                Set<String> types = new LinkedHashSet<>();
                serviceTypes.forEach(type -> types.add(LoteIdentifiers.expandServiceType(type)));
                Set<String> statuses = node.has("statuses") ? new LinkedHashSet<>(strings(node, "statuses"))
                        : TrustSourceRule.LOTE_ACTIVE_STATUSES;
                return new TrustSourceRule(TrustSourceRule.Source.LOTE, LoteIdentifiers.expandType(listType), types, statuses);
            }
            case "TL" -> {
                if (node.has("listType")) {
                    throw new IllegalArgumentException(where + ": a TL source has no listType (any accepted EU trusted list counts)");
                }
                Set<String> statuses = node.has("statuses") ? new LinkedHashSet<>(strings(node, "statuses")) : Set.of("granted");
                return TrustSourceRule.trustedList(expandTypes(serviceTypes), statuses);
            }
            default -> throw new IllegalArgumentException(where + ": source must be \"LoTE\", \"TL\" or \"anchor\", not '" + source + "'");
        }
    }

    private static void known(JsonNode node, Set<String> fields, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown field '" + name + "' (known: " + fields.stream().sorted().toList() + ")");
            }
        }
    }

    private static Set<String> expandTypes(List<String> names) {
        Set<String> types = new LinkedHashSet<>();
        for (String name : names) {
            types.add(ServiceTypes.expand(name));
        }
        return types;
    }

    private static Set<QcType> qcTypes(List<String> codes) {
        Set<QcType> types = new LinkedHashSet<>();
        for (String code : codes) {
            types.add(QcType.fromCode(code).orElseThrow(() -> new IllegalArgumentException(
                    "requiredQcTypes: unknown QcType '" + code + "' (esign, eseal or web)")));
        }
        return types;
    }

    private static List<PlainTrustAnchor> anchors(JsonNode node, Path folder, String jurisdiction, String where)
            throws PolicyFormatException {
        if (!node.isArray()) {
            throw new IllegalArgumentException("plainAnchors must be an array");
        }
        List<PlainTrustAnchor> anchors = new ArrayList<>();
        for (JsonNode anchor : node) {
            if (!anchor.isObject()) {
                throw new IllegalArgumentException("each plain anchor is an object {jurisdiction, name, certificate | pem}");
            }
            for (Iterator<String> names = anchor.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!Set.of("jurisdiction", "name", "certificate", "pem").contains(name)) {
                    throw new IllegalArgumentException("plain anchor: unknown field '" + name + "'");
                }
            }
            String label = text(anchor, "jurisdiction", jurisdiction);
            String name = text(anchor, "name", null);
            if (name == null) {
                throw new IllegalArgumentException("plain anchor: 'name' is required");
            }
            byte[] certificate;
            if (anchor.has("pem")) {
                certificate = text(anchor, "pem", "").getBytes(StandardCharsets.US_ASCII);
            } else if (anchor.has("certificate")) {
                Path file = folder.resolve(text(anchor, "certificate", ""));
                try {
                    certificate = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new PolicyFormatException(where + ": plain anchor '" + name + "': cannot read " + file, e);
                }
            } else {
                throw new IllegalArgumentException("plain anchor '" + name + "': give 'certificate' (a file) or 'pem'");
            }
            anchors.add(new PlainTrustAnchor(label, name, certificate(certificate, name)));
        }
        return anchors;
    }

    private static ServiceCertificate certificate(byte[] pemOrDer, String name) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pemOrDer));
            return ServiceCertificate.of(certificate);
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("plain anchor '" + name + "': not an X.509 certificate (" + e.getMessage() + ")", e);
        }
    }

    /** "ts119312" (the EU default), "none", or {at, digests: {name: instant}, keySizes: [{algorithm, minBits, notAfter}]}. */
    private static CryptoConstraints crypto(JsonNode node) {
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "ts119312" -> VerificationPolicy.ts119312();
                case "none" -> CryptoConstraints.NONE;
                default -> throw new IllegalArgumentException("crypto: '" + node.asText() + "' is not ts119312, none or an object");
            };
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("crypto must be \"ts119312\", \"none\" or an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("at", "digests", "keySizes", "keyLimits").contains(name)) {
                throw new IllegalArgumentException("crypto: unknown field '" + name + "'");
            }
        }
        TimeThatCounts at = node.has("at") ? TimeThatCounts.parse(node.get("at").asText()) : TimeThatCounts.VALIDATION_TIME;
        List<CryptoConstraints.DigestExpiry> digests = new ArrayList<>();
        if (node.has("digests")) {
            if (!node.get("digests").isObject()) {
                throw new IllegalArgumentException("crypto.digests maps a hash name to the instant it stops counting");
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.get("digests").fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                digests.add(new CryptoConstraints.DigestExpiry(field.getKey(), instant(field.getValue().asText(), "crypto.digests." + field.getKey())));
            }
        }
        List<CryptoConstraints.KeySizeExpiry> keys = new ArrayList<>();
        if (node.has("keySizes")) {
            for (JsonNode key : node.get("keySizes")) {
                if (!key.has("algorithm") || !key.has("minBits") || !key.has("notAfter") || !key.get("minBits").canConvertToInt()) {
                    throw new IllegalArgumentException("crypto.keySizes entries are {algorithm, minBits, notAfter}");
                }
                keys.add(new CryptoConstraints.KeySizeExpiry(key.get("algorithm").asText(), key.get("minBits").asInt(),
                        instant(key.get("notAfter").asText(), "crypto.keySizes.notAfter")));
            }
        }
        KeyLimits limits = node.has("keyLimits") ? keyLimits(node.get("keyLimits")) : KeyLimits.defaults();
        return new CryptoConstraints(digests, keys, at, limits);
    }

    /** {maxRsaBits, allowedCurves: [name or OID]}: which keys any work is done with (issue 14.11). */
    private static KeyLimits keyLimits(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("crypto.keyLimits must be an object {maxRsaBits, allowedCurves}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("maxRsaBits", "allowedCurves").contains(name)) {
                throw new IllegalArgumentException("crypto.keyLimits: unknown field '" + name + "'");
            }
        }
        int maxRsaBits = KeyLimits.DEFAULT_MAX_RSA_BITS;
        if (node.has("maxRsaBits")) {
            if (!node.get("maxRsaBits").canConvertToInt() || node.get("maxRsaBits").asInt() < 1024) {
                throw new IllegalArgumentException("crypto.keyLimits.maxRsaBits must be a whole number of bits, at least 1024");
            }
            maxRsaBits = node.get("maxRsaBits").asInt();
        }
        Set<String> curves = KeyLimits.DEFAULT_CURVES;
        if (node.has("allowedCurves")) {
            if (!node.get("allowedCurves").isArray()) {
                throw new IllegalArgumentException("crypto.keyLimits.allowedCurves must be an array of curve names or OIDs");
            }
            Set<String> named = new java.util.LinkedHashSet<>();
            for (JsonNode curve : node.get("allowedCurves")) {
                named.add(KeyLimits.curveOid(curve.asText()).orElseThrow(() -> new IllegalArgumentException(
                        "crypto.keyLimits.allowedCurves: unknown curve '" + curve.asText() + "' (a name such as P-256, "
                                + "brainpoolP256r1, or an OID)")));
            }
            curves = named;
        }
        return new KeyLimits(maxRsaBits, curves);
    }

    private static Instant instant(String text, String field) {
        try {
            return Instant.parse(text.length() == 10 ? text + "T00:00:00Z" : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not an ISO-8601 instant or date", e);
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.asText();
    }

    private static boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false");
        }
        return value.asBoolean();
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException(field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw new IllegalArgumentException(field + " must be an array of strings");
            }
            values.add(element.asText());
        }
        return values;
    }
}

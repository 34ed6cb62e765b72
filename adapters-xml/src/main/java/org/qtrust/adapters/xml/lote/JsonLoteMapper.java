package org.qtrust.adapters.xml.lote;

import static org.qtrust.adapters.xml.lote.LoteTrees.list;
import static org.qtrust.adapters.xml.lote.LoteTrees.required;
import static org.qtrust.adapters.xml.lote.LoteTrees.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qtrust.adapters.xml.ts119612.ConformanceException;
import org.qtrust.adapters.xml.ts119612.Texts;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.lote.LotePointer;
import org.qtrust.core.lote.LoteScheme;
import org.qtrust.core.lote.TrustedEntity;
import org.qtrust.core.trustedlist.DigitalIdentity;
import org.qtrust.core.trustedlist.MultilingualText;
import org.qtrust.core.trustedlist.ServiceCertificate;

/**
 * Maps the JSON form of a list (the TS 119 602 JSON schema, {@code 1960201_json_schema.json}:
 * {@code {"LoTE": {"ListAndSchemeInformation": …, "TrustedEntitiesList": […]}}}) to the domain.
 */
final class JsonLoteMapper {

    private JsonLoteMapper() {
    }

    static ListOfTrustedEntities toDomain(JsonNode root) {
        JsonNode lote = LoteTrees.object(root, "LoTE", "");
        JsonNode scheme = LoteTrees.object(lote, "ListAndSchemeInformation", "LoTE");
        List<TrustedEntity> entities = new ArrayList<>();
        List<JsonNode> bound = list(lote.get("TrustedEntitiesList"));
        for (int i = 0; i < bound.size(); i++) {
            entities.add(LoteTrees.entity(bound.get(i), "LoTE/TrustedEntitiesList[" + (i + 1) + "]", FORM));
        }
        return new ListOfTrustedEntities(scheme(scheme), entities, ListOfTrustedEntities.Format.JSON);
    }

    private static LoteScheme scheme(JsonNode scheme) {
        String where = "LoTE/ListAndSchemeInformation";
        int version = LoteTrees.version(required(scheme, "LoTEVersionIdentifier", where), where + "/LoTEVersionIdentifier");
        BigInteger sequence = LoteTrees.positive(required(scheme, "LoTESequenceNumber", where), where + "/LoTESequenceNumber");
        Instant issued = LoteTrees.dateTime(required(scheme, "ListIssueDateTime", where), where + "/ListIssueDateTime");
        if (!scheme.has("NextUpdate")) {
            throw new ConformanceException(where + "/NextUpdate is missing");
        }
        Optional<Instant> nextUpdate = text(scheme, "NextUpdate").map(t -> LoteTrees.dateTime(t, where + "/NextUpdate"));
        List<LotePointer> pointers = new ArrayList<>();
        List<JsonNode> bound = list(scheme.get("PointersToOtherLoTE"));
        for (int i = 0; i < bound.size(); i++) {
            pointers.add(pointer(bound.get(i), where + "/PointersToOtherLoTE[" + (i + 1) + "]"));
        }
        return new LoteScheme(version, sequence, text(scheme, "LoTEType").orElse(""), names(scheme.get("SchemeOperatorName")),
                text(scheme, "SchemeTerritory").orElse(""), text(scheme, "StatusDeterminationApproach").orElse(""),
                issued, nextUpdate, pointers);
    }

    private static LotePointer pointer(JsonNode pointer, String where) {
        List<ServiceCertificate> signers = new ArrayList<>();
        for (JsonNode identity : list(pointer.get("ServiceDigitalIdentities"))) {
            signers.addAll(identity(identity, where + "/ServiceDigitalIdentities").certificates());
        }
        JsonNode qualifier = list(pointer.get("LoTEQualifiers")).stream().findFirst().orElse(null);
        return new LotePointer(required(pointer, "LoTELocation", where), text(qualifier, "LoTEType").orElse(""),
                text(qualifier, "SchemeTerritory").orElse(""), text(qualifier, "MimeType").orElse(""), signers);
    }

    /** The JSON schema's places: arrays directly under their member names. */
    private static final LoteTrees.Form FORM = new LoteTrees.Form() {
        @Override
        public List<JsonNode> services(JsonNode entity) {
            return list(entity.get("TrustedEntityServices"));
        }

        @Override
        public List<JsonNode> history(JsonNode service) {
            return list(service.get("ServiceHistory"));
        }

        @Override
        public String servicePath(int position) {
            return "TrustedEntityServices[" + position + "]";
        }

        @Override
        public String historyPath(int position) {
            return "ServiceHistory[" + position + "]";
        }

        @Override
        public MultilingualText names(JsonNode names) {
            return JsonLoteMapper.names(names);
        }

        @Override
        public DigitalIdentity identity(JsonNode identity, String where) {
            return JsonLoteMapper.identity(identity, where);
        }
    };

    private static DigitalIdentity identity(JsonNode identity, String where) {
        if (identity == null || !identity.isObject()) {
            return DigitalIdentity.NONE;
        }
        List<ServiceCertificate> certificates = new ArrayList<>();
        List<JsonNode> bound = list(identity.get("X509Certificates"));
        for (int i = 0; i < bound.size(); i++) {
            String at = where + "/X509Certificates[" + (i + 1) + "]/val";
            certificates.add(LoteTrees.certificate(text(bound.get(i), "val")
                    .orElseThrow(() -> new ConformanceException(at + " is missing")), at));
        }
        List<String> names = list(identity.get("X509SubjectNames")).stream()
                .map(LoteTrees::textOf).flatMap(Optional::stream).toList();
        List<byte[]> skis = new ArrayList<>();
        for (JsonNode ski : list(identity.get("X509SKIs"))) {
            skis.add(Texts.base64(LoteTrees.textOf(ski).orElse(null), where + "/X509SKIs"));
        }
        List<byte[]> keys = new ArrayList<>();
        List<JsonNode> jwks = list(identity.get("PublicKeyValues"));
        for (int i = 0; i < jwks.size(); i++) {
            keys.add(subjectPublicKeyInfo(jwks.get(i), where + "/PublicKeyValues[" + (i + 1) + "]"));
        }
        return new DigitalIdentity(certificates, names, skis, keys);
    }

    private static MultilingualText names(JsonNode names) {
        Map<String, String> byLanguage = LoteTrees.languages();
        for (JsonNode name : list(names)) {
            Optional<String> value = text(name, "value");
            value.ifPresent(v -> byLanguage.putIfAbsent(Texts.language(text(name, "lang").orElse("")), v));
        }
        return LoteTrees.multilingual(byLanguage);
    }

    /** A public key as a JWK (RFC 7517/7518: EC P-256/384/521 or RSA) to its SubjectPublicKeyInfo. */
    private static byte[] subjectPublicKeyInfo(JsonNode jwk, String where) {
        String kty = text(jwk, "kty").orElse("");
        try {
            if (kty.equals("EC")) {
                String curve = switch (text(jwk, "crv").orElse("")) {
                    case "P-256" -> "secp256r1";
                    case "P-384" -> "secp384r1";
                    case "P-521" -> "secp521r1";
                    default -> throw new ConformanceException(where + " names an EC curve this reader does not know: "
                            + text(jwk, "crv").orElse("(none)"));
                };
                var parameters = java.security.AlgorithmParameters.getInstance("EC");
                parameters.init(new java.security.spec.ECGenParameterSpec(curve));
                var spec = parameters.getParameterSpec(java.security.spec.ECParameterSpec.class);
                ECPoint point = new ECPoint(unsigned(jwk, "x", where), unsigned(jwk, "y", where));
                return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec)).getEncoded();
            }
            if (kty.equals("RSA")) {
                return KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(unsigned(jwk, "n", where), unsigned(jwk, "e", where))).getEncoded();
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConformanceException(where + " is not a usable public key: " + e.getMessage(), e);
        }
        throw new ConformanceException(where + " has key type '" + kty + "'; only EC and RSA keys are read");
    }

    private static BigInteger unsigned(JsonNode jwk, String member, String where) {
        String value = required(jwk, member, where);
        return new BigInteger(1, Base64.getUrlDecoder().decode(value));
    }
}

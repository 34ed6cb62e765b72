package org.qtrust.adapters.crypto.issuance;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jose4j.json.internal.json_simple.JSONValue;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.qtrust.core.credential.disclosure.HashAlgorithm;

/**
 * Issues SD-JWTs (RFC 9901) and SD-JWT VCs: turns a {@link ClaimSet} into a payload of digests
 * plus disclosures, and signs it with the issuer key, putting the {@code x5c} chain in the
 * header. For tests, sandboxes and benchmarks: it is a faithful issuer, not a hardened one.
 *
 * <pre>{@code
 * SdJwtIssuer issuer = new SdJwtIssuer(issuerKey, "ES256", chain);
 * IssuedSdJwt credential = issuer.issue(ClaimSet.create().claim("iss", "https://issuer.example")
 *         .claim("vct", "urn:eudi:pid:1").claim("cnf", SdJwtIssuer.confirmation(holder.getPublic()))
 *         .disclosable("given_name", "Erika"));
 * }</pre>
 */
public final class SdJwtIssuer {

    private final JwsSigner signer;
    private Salts salts = Salts.random();
    private String type = "dc+sd-jwt";
    private HashAlgorithm hash = HashAlgorithm.SHA_256;
    private boolean declareHash = true;
    private final Map<String, Object> headerOverrides = new LinkedHashMap<>();

    /**
     * @param key       the issuer's signing key
     * @param algorithm the JWS algorithm, e.g. ES256
     * @param chain     the x5c chain, issuer certificate first (empty: no x5c header)
     */
    public SdJwtIssuer(PrivateKey key, String algorithm, List<X509Certificate> chain) {
        this(new JwsSigner(key, algorithm, chain));
    }

    /** An issuer signing with this signer (e.g. {@link JwsSigner#deterministic} for a reproducible sandbox). */
    public SdJwtIssuer(JwsSigner signer) {
        this.signer = Objects.requireNonNull(signer);
    }

    /** Where disclosure and decoy salts come from ({@link Salts#random()} unless told). */
    public SdJwtIssuer salts(Salts source) {
        this.salts = Objects.requireNonNull(source);
        return this;
    }

    /** The header's typ (dc+sd-jwt unless told; null for none). */
    public SdJwtIssuer type(String value) {
        this.type = value;
        return this;
    }

    /** The digest algorithm, declared as {@code _sd_alg}. */
    public SdJwtIssuer hash(HashAlgorithm algorithm) {
        this.hash = Objects.requireNonNull(algorithm);
        return this;
    }

    /** Leave {@code _sd_alg} out (verifiers then assume sha-256). */
    public SdJwtIssuer withoutHashDeclaration() {
        this.declareHash = false;
        return this;
    }

    /** Sets (or, with null, removes) a header member, e.g. {@code x5c} or {@code alg}. */
    public SdJwtIssuer header(String name, Object value) {
        headerOverrides.put(name, value);
        return this;
    }

    public IssuedSdJwt issue(ClaimSet claims) {
        List<Disclosure> disclosures = new ArrayList<>();
        Map<String, Object> payload = object(claims, disclosures);
        if (declareHash) {
            payload.put("_sd_alg", hash.registryName());
        }
        return new IssuedSdJwt(signer.sign(type, headerOverrides, payload), disclosures);
    }

    /** A {@code cnf} claim binding the credential to the holder's public key (RFC 7800 {@code jwk}). */
    public static Map<String, Object> confirmation(PublicKey holderKey) {
        return Map.of("jwk", publicJwk(holderKey));
    }

    /** The public key as a JWK (RFC 7517), members in jose4j's fixed order. */
    public static Map<String, Object> publicJwk(PublicKey key) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(key).toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (JoseException e) {
            throw new IllegalArgumentException("not a key a JWK can describe: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> object(ClaimSet claims, List<Disclosure> disclosures) {
        Map<String, Object> result = new LinkedHashMap<>();
        List<String> digests = new ArrayList<>();
        for (ClaimSet.Member member : claims.members()) {
            Object value = value(member.value(), disclosures);
            if (member.disclosable()) {
                Disclosure disclosure = disclose(Optional.of(member.name()), value);
                disclosures.add(disclosure);
                digests.add(disclosure.digest());
            } else {
                result.put(member.name(), value);
            }
        }
        for (int i = 0; i < claims.decoyCount(); i++) {
            digests.add(hash.digest(salts.next()));
        }
        if (!digests.isEmpty()) {
            digests.sort(null); // RFC 9901 §4.2.4.1: the order must not reveal the claims' order
            result.put("_sd", digests);
        }
        return result;
    }

    private Object value(Object value, List<Disclosure> disclosures) {
        if (value instanceof ClaimSet nested) {
            return object(nested, disclosures);
        }
        if (value instanceof ClaimSet.ArrayClaim array) {
            List<Object> result = new ArrayList<>();
            for (Object element : array.elements()) {
                if (element instanceof ClaimSet.DisclosableElement disclosable) {
                    Disclosure disclosure = disclose(Optional.empty(), value(disclosable.value(), disclosures));
                    disclosures.add(disclosure);
                    result.add(Map.of("...", disclosure.digest()));
                } else {
                    result.add(value(element, disclosures));
                }
            }
            return result;
        }
        return value;
    }

    private Disclosure disclose(Optional<String> name, Object value) {
        List<Object> array = new ArrayList<>();
        array.add(salts.next());
        name.ifPresent(array::add);
        array.add(value);
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSONValue.toJSONString(array).getBytes(StandardCharsets.UTF_8));
        return new Disclosure(encoded, name, value, hash.digest(encoded));
    }
}

package org.qtrust.adapters.crypto.issuance;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.qtrust.adapters.crypto.pki.DeterministicSignatures;

/**
 * Signs compact JWS with jose4j (the JDK's providers): the issuer JWTs, KB-JWTs
 * and status list tokens of test, sandbox and benchmark issuers. Header members given
 * explicitly win over the ones it sets ({@code alg}, {@code typ}, {@code x5c}); a header value
 * of {@code null} removes the member. A {@link #deterministic} signer signs ESxxx with RFC 6979
 * ECDSA (and RSxxx with PKCS#1 v1.5), so the same key and claims give the same bytes (sandboxes).
 */
public final class JwsSigner {

    private final PrivateKey key;
    private final String algorithm;
    private final List<X509Certificate> chain;
    private final boolean deterministic;

    /**
     * @param key       the signing key
     * @param algorithm the JWS algorithm, e.g. ES256
     * @param chain     the x5c chain (signer first); empty for none
     */
    public JwsSigner(PrivateKey key, String algorithm, List<X509Certificate> chain) {
        this(key, algorithm, chain, false);
    }

    private JwsSigner(PrivateKey key, String algorithm, List<X509Certificate> chain, boolean deterministic) {
        this.key = Objects.requireNonNull(key);
        this.algorithm = Objects.requireNonNull(algorithm);
        this.chain = List.copyOf(chain);
        this.deterministic = deterministic;
    }

    /** A signer whose signatures depend on the key and the data only: ES256/384/512 (RFC 6979) or RS256/384/512. */
    public static JwsSigner deterministic(PrivateKey key, String algorithm, List<X509Certificate> chain) {
        return new JwsSigner(key, algorithm, chain, true);
    }

    public String algorithm() {
        return algorithm;
    }

    public String sign(String type, Map<String, Object> headerOverrides, Map<String, Object> claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(algorithm);
        if (type != null) {
            jws.setHeader("typ", type);
        }
        if (!chain.isEmpty()) {
            jws.setCertificateChainHeaderValue(chain.toArray(X509Certificate[]::new));
        }
        for (Map.Entry<String, Object> member : headerOverrides.entrySet()) {
            jws.getHeaders().setObjectHeaderValue(member.getKey(), member.getValue());
        }
        jws.setPayload(JsonUtil.toJson(new LinkedHashMap<>(claims)));
        try {
            if (deterministic) {
                String signingInput = jws.getHeaders().getEncodedHeader() + "." + jws.getEncodedPayload();
                return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(DeterministicSignatures.jwsSignature(key, algorithm, signingInput));
            }
            jws.setKey(key);
            jws.setDoKeyValidation(false);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a " + algorithm + " JWS: " + e.getMessage(), e);
        }
    }
}

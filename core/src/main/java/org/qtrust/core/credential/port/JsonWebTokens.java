package org.qtrust.core.credential.port;

import java.util.Map;

/**
 * Outgoing port: the JSON and JOSE work the domain cannot do with the JDK alone — reading JSON,
 * reading compact JWS, verifying a JWS signature, and turning a JWK into a key. Implementations
 * are thread-safe, accept only asymmetric algorithms (never {@code none}, never HMAC) and reject
 * JSON with duplicate member names.
 */
public interface JsonWebTokens {

    /**
     * Reads a compact JWS (header.payload.signature) whose header and payload are JSON objects.
     * Does not verify the signature.
     *
     * @throws MalformedTokenException when it is not such a JWS
     */
    SignedJwt read(String compact) throws MalformedTokenException;

    /**
     * Whether the token's signature verifies with this key under the algorithm its header names.
     * Never throws: an algorithm that is not allowed, a key of the wrong type or a broken
     * signature is {@code false}.
     *
     * @param subjectPublicKeyInfo the key as a SubjectPublicKeyInfo (DER)
     */
    boolean verifies(SignedJwt token, byte[] subjectPublicKeyInfo);

    /**
     * The public key a JWK (RFC 7517) describes, as a SubjectPublicKeyInfo (DER).
     *
     * @throws MalformedTokenException when it is not a usable public JWK (or carries private parts)
     */
    byte[] publicKeyInfo(Map<String, Object> jwk) throws MalformedTokenException;

    /**
     * Reads one JSON value: {@code Map} (member order kept), {@code List}, {@code String},
     * {@code Number}, {@code Boolean} or {@code null}.
     *
     * @throws MalformedTokenException when it is not JSON, or has duplicate member names
     */
    Object parseJson(String json) throws MalformedTokenException;
}

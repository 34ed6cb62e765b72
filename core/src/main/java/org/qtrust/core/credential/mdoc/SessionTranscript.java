package org.qtrust.core.credential.mdoc;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.credential.mdoc.port.CborCodec;

/**
 * The SessionTranscript the device signs over (ISO/IEC 18013-5 §9.1.5.1): what binds a
 * presentation to one verifier and one request. Built by the verifier from what it sent, never
 * taken from the presentation.
 *
 * @param value       the SessionTranscript item
 * @param description how it was built, for the trace (never the nonce itself)
 */
public record SessionTranscript(Cbor value, String description) {

    public SessionTranscript {
        Objects.requireNonNull(value);
        Objects.requireNonNull(description);
    }

    /**
     * OpenID4VP 1.0 Appendix B.2.6.1 (redirect flows): {@code [null, null, ["OpenID4VPHandover",
     * SHA-256(OpenID4VPHandoverInfoBytes)]]} with {@code OpenID4VPHandoverInfo = [clientId, nonce,
     * jwkThumbprint / null, responseUri]}; the thumbprint (RFC 7638, of the verifier's response
     * encryption key) only when the response was encrypted.
     */
    public static SessionTranscript openId4Vp(CborCodec codec, String clientId, String responseUri, String nonce,
                                              Optional<byte[]> jwkThumbprint) {
        Cbor info = Cbor.array(Cbor.text(clientId), Cbor.text(nonce),
                jwkThumbprint.<Cbor>map(Cbor::bytes).orElse(Cbor.NULL), Cbor.text(responseUri));
        Cbor handover = Cbor.array(Cbor.text("OpenID4VPHandover"), Cbor.bytes(sha256(codec.encode(info))));
        return new SessionTranscript(Cbor.array(Cbor.NULL, Cbor.NULL, handover),
                "OpenID4VP 1.0 handover (client_id " + clientId + ", response_uri " + responseUri
                        + (jwkThumbprint.isPresent() ? ", encrypted response" : "") + ")");
    }

    /**
     * ISO/IEC 18013-7 Annex B (OpenID4VP drafts with an mdoc generated nonce): {@code [null, null,
     * [clientIdHash, responseUriHash, nonce]]} with {@code clientIdHash = SHA-256([clientId,
     * mdocGeneratedNonce])} and {@code responseUriHash = SHA-256([responseUri, mdocGeneratedNonce])}.
     */
    public static SessionTranscript iso18013Part7(CborCodec codec, String clientId, String responseUri, String nonce,
                                                  String mdocGeneratedNonce) {
        byte[] clientIdHash = sha256(codec.encode(Cbor.array(Cbor.text(clientId), Cbor.text(mdocGeneratedNonce))));
        byte[] responseUriHash = sha256(codec.encode(Cbor.array(Cbor.text(responseUri), Cbor.text(mdocGeneratedNonce))));
        Cbor handover = Cbor.array(Cbor.bytes(clientIdHash), Cbor.bytes(responseUriHash), Cbor.text(nonce));
        return new SessionTranscript(Cbor.array(Cbor.NULL, Cbor.NULL, handover),
                "ISO/IEC 18013-7 OID4VPHandover (client_id " + clientId + ", response_uri " + responseUri + ", mdoc generated nonce)");
    }

    /** A SessionTranscript the caller built (any flow: proximity, DC API): used as given. */
    public static SessionTranscript given(Cbor value) {
        return new SessionTranscript(value, "session transcript given by the caller");
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package org.qtrust.core.credential.mdoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.credential.mdoc.cbor.CborLimits;
import org.qtrust.core.credential.mdoc.cbor.MalformedCborException;
import org.qtrust.core.credential.mdoc.port.CborCodec;

/**
 * A COSE_Sign1 (RFC 9052 §4.2): {@code [protected: bstr, unprotected: map, payload: bstr / nil,
 * signature: bstr]}, untagged or with tag 18.
 *
 * @param protectedBytes    the protected header as encoded (signed as such)
 * @param protectedHeader   the protected header, decoded (definite lengths only)
 * @param unprotectedHeader the unprotected header
 * @param payload           the payload; empty when detached (nil)
 * @param signature         the signature bytes
 */
public record CoseSign1(byte[] protectedBytes, Cbor.Map protectedHeader, Cbor.Map unprotectedHeader, Optional<byte[]> payload,
                        byte[] signature) {

    /** RFC 9052 §3.1: alg. */
    public static final long ALG = 1;
    /** RFC 9360 §2: x5chain. */
    public static final long X5CHAIN = 33;
    /** At most this many certificates in an x5chain. */
    public static final int MAX_CHAIN = 10;

    public CoseSign1 {
        protectedBytes = protectedBytes.clone();
        payload = payload.map(byte[]::clone);
        signature = signature.clone();
    }

    @Override
    public byte[] protectedBytes() {
        return protectedBytes.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public Optional<byte[]> payload() {
        return payload.map(byte[]::clone);
    }

    public static CoseSign1 read(Cbor item, CborCodec codec, String what) throws MalformedCborException {
        if (item instanceof Cbor.Tagged tagged) {
            if (tagged.tag() != Cbor.COSE_SIGN1) {
                throw new MalformedCborException(what + " carries tag " + tagged.tag() + ", not COSE_Sign1 (18)");
            }
            item = tagged.value();
        }
        Cbor.Array array = CborRead.array(item, what);
        if (array.size() != 4) {
            throw new MalformedCborException(what + " is not a COSE_Sign1 [protected, unprotected, payload, signature]");
        }
        byte[] protectedBytes = CborRead.bytes(array.get(0), what + " protected header");
        // RFC 9052 §3: an empty protected header is the zero-length byte string.
        Cbor.Map protectedHeader = protectedBytes.length == 0 ? new Cbor.Map(java.util.Map.of())
                : CborRead.map(codec.decode(protectedBytes, CborLimits.EMBEDDED), what + " protected header");
        Cbor.Map unprotected = CborRead.map(array.get(1), what + " unprotected header");
        for (Cbor label : unprotected.entries().keySet()) {
            if (protectedHeader.entries().containsKey(label)) {
                throw new MalformedCborException(what + ": header label " + label + " is both protected and unprotected (RFC 9052 §3)");
            }
        }
        Optional<byte[]> payload = array.get(2) instanceof Cbor.Null ? Optional.empty()
                : Optional.of(CborRead.bytes(array.get(2), what + " payload"));
        byte[] signature = CborRead.bytes(array.get(3), what + " signature");
        return new CoseSign1(protectedBytes, protectedHeader, unprotected, payload, signature);
    }

    /**
     * The algorithm, read from the protected header only: an {@code alg} outside it is refused,
     * so nobody can choose the algorithm after signing.
     *
     * @throws MalformedCborException when there is none, it is unprotected, or it is not an integer
     */
    public long algorithmId() throws MalformedCborException {
        if (unprotectedHeader.get(ALG).isPresent()) {
            throw new MalformedCborException("alg is in the unprotected header; only a protected alg is accepted");
        }
        Optional<Cbor> alg = protectedHeader.get(ALG);
        if (alg.isEmpty() || !(alg.get() instanceof Cbor.Int id)) {
            throw new MalformedCborException("the protected header has no integer alg (label 1)");
        }
        return id.value();
    }

    /**
     * The x5chain (label 33, RFC 9360 §2) from either header: one certificate as a byte string, or
     * an array of them, the signer's first; empty when absent.
     */
    public Optional<List<byte[]>> x5chain() throws MalformedCborException {
        Optional<Cbor> value = protectedHeader.get(X5CHAIN).or(() -> unprotectedHeader.get(X5CHAIN));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> chain = new ArrayList<>();
        if (value.get() instanceof Cbor.Bytes single) {
            chain.add(single.value());
        } else {
            Cbor.Array array = CborRead.array(value.get(), "x5chain");
            if (array.size() == 0 || array.size() > MAX_CHAIN) {
                throw new MalformedCborException("x5chain holds " + array.size() + " certificates (1 to " + MAX_CHAIN + ")");
            }
            for (Cbor entry : array.items()) {
                chain.add(CborRead.bytes(entry, "an x5chain entry"));
            }
        }
        return Optional.of(chain);
    }

    /**
     * The bytes signed (RFC 9052 §4.4): {@code Sig_structure = ["Signature1", body_protected,
     * external_aad, payload]} encoded; {@code detachedPayload} when the payload is nil.
     */
    public byte[] toBeSigned(CborCodec codec, byte[] externalAad, Optional<byte[]> detachedPayload) throws MalformedCborException {
        byte[] content = payload.isPresent() ? payload.get()
                : detachedPayload.orElseThrow(() -> new MalformedCborException("the payload is detached and none was given"));
        return codec.encode(Cbor.array(Cbor.text("Signature1"), Cbor.bytes(protectedBytes), Cbor.bytes(externalAad), Cbor.bytes(content)));
    }
}

package org.qtrust.core.credential.mdoc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.credential.mdoc.cbor.MalformedCborException;

/** Typed access to CBOR structures: each wrong type is a {@link MalformedCborException} naming the member. */
final class CborRead {

    private CborRead() {
    }

    static Cbor.Map map(Cbor item, String what) throws MalformedCborException {
        if (item instanceof Cbor.Map map) {
            return map;
        }
        throw new MalformedCborException(what + " is a " + item.kind() + ", not a map");
    }

    static Cbor.Array array(Cbor item, String what) throws MalformedCborException {
        if (item instanceof Cbor.Array array) {
            return array;
        }
        throw new MalformedCborException(what + " is a " + item.kind() + ", not an array");
    }

    static String text(Cbor item, String what) throws MalformedCborException {
        if (item instanceof Cbor.Text text) {
            return text.value();
        }
        throw new MalformedCborException(what + " is a " + item.kind() + ", not text");
    }

    static byte[] bytes(Cbor item, String what) throws MalformedCborException {
        if (item instanceof Cbor.Bytes bytes) {
            return bytes.value();
        }
        throw new MalformedCborException(what + " is a " + item.kind() + ", not a byte string");
    }

    static long unsigned(Cbor item, String what) throws MalformedCborException {
        if (item instanceof Cbor.Int integer && integer.value() >= 0) {
            return integer.value();
        }
        throw new MalformedCborException(what + " is not an unsigned integer");
    }

    static Cbor required(Cbor.Map map, String key, String where) throws MalformedCborException {
        Optional<Cbor> value = map.get(key);
        if (value.isEmpty()) {
            throw new MalformedCborException(where + " has no " + key);
        }
        return value.get();
    }

    /** #6.24(bstr): the embedded item's bytes (ISO/IEC 18013-5 §8.1, RFC 8949 §3.4.5.1). */
    static byte[] embedded(Cbor item, String what) throws MalformedCborException {
        if (item instanceof Cbor.Tagged tagged && tagged.tag() == Cbor.ENCODED_CBOR && tagged.value() instanceof Cbor.Bytes bytes) {
            return bytes.value();
        }
        throw new MalformedCborException(what + " is not embedded CBOR (#6.24(bstr))");
    }

    /** tdate = #6.0(tstr), RFC 3339 (ISO/IEC 18013-5 §9.1.2.4: validityInfo). */
    static Instant tdate(Cbor item, String what) throws MalformedCborException {
        if (item instanceof Cbor.Tagged tagged && tagged.tag() == Cbor.DATE_TIME && tagged.value() instanceof Cbor.Text text) {
            try {
                return OffsetDateTime.parse(text.value()).toInstant();
            } catch (DateTimeParseException e) {
                throw new MalformedCborException(what + " is not an RFC 3339 date-time: " + text.value());
            }
        }
        throw new MalformedCborException(what + " is not a tdate (#6.0(tstr))");
    }
}

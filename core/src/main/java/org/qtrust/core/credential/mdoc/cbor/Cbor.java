package org.qtrust.core.credential.mdoc.cbor;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One CBOR data item (RFC 8949) as the domain sees it: what a {@code CborCodec} adapter reads,
 * and what the domain builds to have encoded (Sig_structure, DeviceAuthentication, session
 * transcripts). Map keys keep their type: the integer 1 and the text "1" are different keys.
 */
public sealed interface Cbor {

    /** Major types 0 and 1 within the range of a long (larger integers are refused when read). */
    record Int(long value) implements Cbor {
    }

    /** Major type 2. */
    record Bytes(byte[] value) implements Cbor {
        public Bytes {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        public int length() {
            return value.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Bytes[" + value.length + "]";
        }
    }

    /** Major type 3. */
    record Text(String value) implements Cbor {
        public Text {
            Objects.requireNonNull(value);
        }
    }

    /** Major type 4. */
    record Array(List<Cbor> items) implements Cbor {
        public Array {
            items = List.copyOf(items);
        }

        public int size() {
            return items.size();
        }

        public Cbor get(int index) {
            return items.get(index);
        }
    }

    /** Major type 5, entries in the order read; keys are unique (a reader refuses duplicates). */
    record Map(java.util.Map<Cbor, Cbor> entries) implements Cbor {
        public Map {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public Optional<Cbor> get(String key) {
            return Optional.ofNullable(entries.get(new Text(key)));
        }

        public Optional<Cbor> get(long key) {
            return Optional.ofNullable(entries.get(new Int(key)));
        }

        public int size() {
            return entries.size();
        }
    }

    /** Major type 6: one tag on one item. */
    record Tagged(long tag, Cbor value) implements Cbor {
        public Tagged {
            Objects.requireNonNull(value);
        }
    }

    /** Simple values false and true. */
    record Bool(boolean value) implements Cbor {
    }

    /** Simple value null (and undefined, read as null). */
    record Null() implements Cbor {
    }

    /** Major type 7 floating point numbers. */
    record Float(double value) implements Cbor {
    }

    /** RFC 8949 §3.4.5.1 / ISO/IEC 18013-5 §8.1: tag 24, a data item embedded as its encoded bytes. */
    long ENCODED_CBOR = 24;
    /** RFC 8949 §3.4.1: tdate (RFC 3339 text). */
    long DATE_TIME = 0;
    /** RFC 8949 §3.4.2: epoch-based date/time. */
    long EPOCH = 1;
    /** RFC 8943: full-date (RFC 3339 full-date text). */
    long FULL_DATE = 1004;
    /** RFC 9052 §4.2: a tagged COSE_Sign1. */
    long COSE_SIGN1 = 18;

    Null NULL = new Null();

    static Text text(String value) {
        return new Text(value);
    }

    static Int integer(long value) {
        return new Int(value);
    }

    static Bytes bytes(byte[] value) {
        return new Bytes(value);
    }

    static Array array(Cbor... items) {
        return new Array(List.of(items));
    }

    /** #6.24(bstr .cbor item): {@code encoded} are the embedded item's bytes. */
    static Tagged embedded(byte[] encoded) {
        return new Tagged(ENCODED_CBOR, new Bytes(encoded));
    }

    /** A short description of the item's type, for messages ("map", "text", …). */
    default String kind() {
        if (this instanceof Int) {
            return "integer";
        } else if (this instanceof Bytes) {
            return "byte string";
        } else if (this instanceof Text) {
            return "text";
        } else if (this instanceof Array) {
            return "array";
        } else if (this instanceof Map) {
            return "map";
        } else if (this instanceof Tagged t) {
            return "tag " + t.tag();
        } else if (this instanceof Bool) {
            return "boolean";
        } else if (this instanceof Null) {
            return "null";
        }
        return "float";
    }
}

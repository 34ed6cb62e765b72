package org.qtrust.adapters.crypto.mdoc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.credential.mdoc.cbor.CborLimits;
import org.qtrust.core.credential.mdoc.cbor.MalformedCborException;
import org.qtrust.core.credential.mdoc.port.CborCodec;

/**
 * CBOR through Jackson's CBOR data format (issue 18: no hand-written parser), made strict: the
 * total size is checked before parsing; Jackson's own stream constraints bound nesting and string
 * sizes; the walk over its tokens counts items and container entries, refuses duplicate map keys,
 * keys other than integers and text, more than one tag on an item, integers beyond a long,
 * simple values other than false/true/null/undefined, and — when the limits say so — indefinite
 * lengths. Jackson reports integer map keys as names; which CBOR type a key (or an item) really
 * had is read from the encoding at the token's offset, so the integer 1 and the text "1" stay
 * different keys. Thread-safe.
 */
public final class JacksonCborCodec implements CborCodec {

    private final Map<CborLimits, CBORFactory> factories = new ConcurrentHashMap<>();
    private final CBORFactory writer = new CBORFactory();

    private CBORFactory factory(CborLimits limits) {
        if (factories.size() > 16) {
            factories.clear();
        }
        return factories.computeIfAbsent(limits, l -> CBORFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(l.maxDepth() + 1)
                        .maxStringLength(l.maxStringBytes())
                        .maxDocumentLength(l.maxBytes())
                        .build())
                .build());
    }

    @Override
    public Cbor decode(byte[] encoded, CborLimits limits) throws MalformedCborException {
        if (encoded.length == 0) {
            throw new MalformedCborException("no CBOR data");
        }
        if (encoded.length > limits.maxBytes()) {
            throw new MalformedCborException("CBOR of " + encoded.length + " bytes is over the limit of " + limits.maxBytes());
        }
        try (CBORParser parser = (CBORParser) factory(limits).createParser(encoded)) {
            Walk walk = new Walk(parser, encoded, limits);
            Cbor item = walk.item(parser.nextToken(), 0);
            if (parser.nextToken() != null) {
                throw new MalformedCborException("data after the CBOR item");
            }
            return item;
        } catch (IOException | RuntimeException e) {
            // Jackson's own parse errors (truncated input, invalid UTF-8, a constraint exceeded): one line, no stack trace.
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new MalformedCborException("not CBOR the verifier accepts: " + message);
        }
    }

    /** One pass over the parser's tokens. */
    private static final class Walk {
        private final CBORParser parser;
        private final byte[] data;
        private final CborLimits limits;
        private int items;

        Walk(CBORParser parser, byte[] data, CborLimits limits) {
            this.parser = parser;
            this.data = data;
            this.limits = limits;
        }

        Cbor item(JsonToken token, int depth) throws IOException, MalformedCborException {
            if (token == null) {
                throw new MalformedCborException("the CBOR data ends early");
            }
            if (++items > limits.maxItems()) {
                throw new MalformedCborException("more than " + limits.maxItems() + " CBOR items");
            }
            if (depth > limits.maxDepth()) {
                throw new MalformedCborException("CBOR nested deeper than " + limits.maxDepth());
            }
            int tags = parser.getCurrentTags().size();
            if (tags > 1) {
                throw new MalformedCborException("an item with more than one tag");
            }
            // Read now: for an array or a map, the parser has moved on by the time its content is read.
            int tag = tags == 1 ? parser.getCurrentTag() : -1;
            int start = start((int) parser.currentTokenLocation().getByteOffset(), tags);
            int major = (data[start] & 0xff) >>> 5;
            int info = data[start] & 0x1f;
            if (info == 31 && !limits.indefiniteLengths()) {
                throw new MalformedCborException("an indefinite-length " + name(major) + " where only definite lengths are allowed");
            }
            Cbor value = switch (token) {
                case START_ARRAY -> array(depth);
                case START_OBJECT -> map(depth);
                case VALUE_STRING -> {
                    String text = parser.getText();
                    if (major != 3 || text.length() > limits.maxStringBytes()) {
                        throw new MalformedCborException(major != 3 ? "a text item of another type" : "a text string over " + limits.maxStringBytes() + " bytes");
                    }
                    yield new Cbor.Text(text);
                }
                case VALUE_EMBEDDED_OBJECT -> {
                    if (major != 2) {
                        throw new MalformedCborException("an unsupported CBOR item (major type " + major + ")");
                    }
                    byte[] bytes = parser.getBinaryValue();
                    if (bytes.length > limits.maxStringBytes()) {
                        throw new MalformedCborException("a byte string over " + limits.maxStringBytes() + " bytes");
                    }
                    yield new Cbor.Bytes(bytes);
                }
                case VALUE_NUMBER_INT -> {
                    if (major > 1) {
                        throw new MalformedCborException(major == 7 ? "a simple value other than false, true, null" : "a big number (tag 2/3)");
                    }
                    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        throw new MalformedCborException("an integer beyond 64-bit signed range");
                    }
                    yield new Cbor.Int(parser.getLongValue());
                }
                case VALUE_NUMBER_FLOAT -> {
                    if (major != 7) {
                        throw new MalformedCborException("a decimal fraction or bigfloat (tag 4/5)");
                    }
                    yield new Cbor.Float(parser.getDoubleValue());
                }
                case VALUE_TRUE -> new Cbor.Bool(true);
                case VALUE_FALSE -> new Cbor.Bool(false);
                case VALUE_NULL -> Cbor.NULL;
                default -> throw new MalformedCborException("an unexpected CBOR token " + token);
            };
            if (tags == 1) {
                return new Cbor.Tagged(tag, value);
            }
            return value;
        }

        /** Where the item itself starts: past the tag heads in front of it. */
        private int start(int offset, int tags) throws MalformedCborException {
            int position = offset;
            for (int i = 0; i < tags; i++) {
                if (position >= data.length || (data[position] & 0xff) >>> 5 != 6) {
                    throw new MalformedCborException("a tag where none was expected");
                }
                position += headLength(data[position] & 0x1f);
            }
            if (position >= data.length) {
                throw new MalformedCborException("the CBOR data ends early");
            }
            if ((data[position] & 0xff) >>> 5 == 6) {
                throw new MalformedCborException("a tag this reader does not accept");
            }
            return position;
        }

        private static int headLength(int info) {
            return switch (info) {
                case 24 -> 2;
                case 25 -> 3;
                case 26 -> 5;
                case 27 -> 9;
                default -> 1;
            };
        }

        private Cbor array(int depth) throws IOException, MalformedCborException {
            java.util.List<Cbor> entries = new java.util.ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (entries.size() >= limits.maxContainerLength()) {
                    throw new MalformedCborException("an array of more than " + limits.maxContainerLength() + " entries");
                }
                entries.add(item(token, depth + 1));
            }
            return new Cbor.Array(entries);
        }

        private Cbor map(int depth) throws IOException, MalformedCborException {
            Map<Cbor, Cbor> entries = new LinkedHashMap<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
                if (token != JsonToken.FIELD_NAME) {
                    throw new MalformedCborException("an unexpected CBOR token " + token + " in a map");
                }
                if (entries.size() >= limits.maxContainerLength()) {
                    throw new MalformedCborException("a map of more than " + limits.maxContainerLength() + " entries");
                }
                if (++items > limits.maxItems()) {
                    throw new MalformedCborException("more than " + limits.maxItems() + " CBOR items");
                }
                int offset = (int) parser.currentTokenLocation().getByteOffset();
                int major = (data[offset] & 0xff) >>> 5;
                String name = parser.currentName();
                Cbor key;
                if (major == 3) {
                    if ((data[offset] & 0x1f) == 31 && !limits.indefiniteLengths()) {
                        throw new MalformedCborException("an indefinite-length text key where only definite lengths are allowed");
                    }
                    key = new Cbor.Text(name);
                } else if (major <= 1) {
                    try {
                        key = new Cbor.Int(Long.parseLong(name));
                    } catch (NumberFormatException e) {
                        throw new MalformedCborException("an integer map key beyond 64-bit signed range");
                    }
                } else {
                    throw new MalformedCborException("a map key that is neither an integer nor text");
                }
                Cbor value = item(parser.nextToken(), depth + 1);
                if (entries.putIfAbsent(key, value) != null) {
                    throw new MalformedCborException("a duplicate map key " + (key instanceof Cbor.Text t ? "\"" + t.value() + "\"" : String.valueOf(((Cbor.Int) key).value())));
                }
            }
            return new Cbor.Map(entries);
        }

        private static String name(int major) {
            return switch (major) {
                case 2 -> "byte string";
                case 3 -> "text string";
                case 4 -> "array";
                case 5 -> "map";
                default -> "item";
            };
        }
    }

    @Override
    public byte[] encode(Cbor item) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator generator = (CBORGenerator) writer.createGenerator(out)) {
            write(generator, item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Definite lengths and the shortest heads (Jackson writes minimal integers and lengths). */
    private static void write(CBORGenerator generator, Cbor item) throws IOException {
        if (item instanceof Cbor.Int integer) {
            generator.writeNumber(integer.value());
        } else if (item instanceof Cbor.Bytes bytes) {
            generator.writeBinary(bytes.value());
        } else if (item instanceof Cbor.Text text) {
            generator.writeString(text.value());
        } else if (item instanceof Cbor.Array array) {
            generator.writeStartArray(null, array.size());
            for (Cbor entry : array.items()) {
                write(generator, entry);
            }
            generator.writeEndArray();
        } else if (item instanceof Cbor.Map map) {
            generator.writeStartObject(null, map.size());
            for (Map.Entry<Cbor, Cbor> entry : map.entries().entrySet()) {
                if (entry.getKey() instanceof Cbor.Text key) {
                    generator.writeFieldName(key.value());
                } else if (entry.getKey() instanceof Cbor.Int key) {
                    generator.writeFieldId(key.value());
                } else {
                    throw new IllegalArgumentException("a map key is an integer or text");
                }
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (item instanceof Cbor.Tagged tagged) {
            if (tagged.tag() < 0 || tagged.tag() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tag " + tagged.tag() + " cannot be written");
            }
            generator.writeTag((int) tagged.tag());
            write(generator, tagged.value());
        } else if (item instanceof Cbor.Bool bool) {
            generator.writeBoolean(bool.value());
        } else if (item instanceof Cbor.Null) {
            generator.writeNull();
        } else {
            generator.writeNumber(((Cbor.Float) item).value());
        }
    }
}

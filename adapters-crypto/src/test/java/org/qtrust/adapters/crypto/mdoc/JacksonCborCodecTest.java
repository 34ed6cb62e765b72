package org.qtrust.adapters.crypto.mdoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.credential.mdoc.cbor.CborLimits;
import org.qtrust.core.credential.mdoc.cbor.MalformedCborException;

/** Hostile CBOR: every limit and strictness rule of the reader, next to what it accepts. */
class JacksonCborCodecTest {

    private final JacksonCborCodec codec = new JacksonCborCodec();
    private static final CborLimits SMALL = new CborLimits(1024, 4, 50, 5, 16, false);

    private Cbor decode(String hex, CborLimits limits) throws MalformedCborException {
        return codec.decode(HexFormat.of().parseHex(hex), limits);
    }

    private void refused(String hex, CborLimits limits, String why) {
        assertThatThrownBy(() -> decode(hex, limits)).isInstanceOf(MalformedCborException.class).hasMessageContaining(why);
    }

    @Test
    void reads_every_type_and_keeps_integer_and_text_keys_apart() throws Exception {
        // {1: "a", "1": h'01', "t": 24(h'a0'), -2: [true, false, null, 1.5, -300]}
        Cbor item = decode("a4016161613141016174d81841a021" + "85f5f4f6f93e0039012b", CborLimits.EMBEDDED);

        Cbor.Map map = (Cbor.Map) item;
        assertThat(map.get(1)).contains(Cbor.text("a"));
        assertThat(map.get("1")).contains(Cbor.bytes(new byte[] {1}));
        assertThat(map.get("t")).contains(Cbor.embedded(new byte[] {(byte) 0xa0}));
        assertThat(map.get(-2)).contains(Cbor.array(new Cbor.Bool(true), new Cbor.Bool(false), Cbor.NULL, new Cbor.Float(1.5), Cbor.integer(-300)));
    }

    @Test
    void encodes_with_definite_lengths_and_shortest_heads_and_reads_back_the_same() throws Exception {
        Map<Cbor, Cbor> entries = new LinkedHashMap<>();
        entries.put(Cbor.integer(1), Cbor.integer(-7));
        entries.put(Cbor.text("b"), Cbor.bytes(new byte[24]));
        entries.put(Cbor.text("d"), new Cbor.Tagged(1004, Cbor.text("2020-01-01")));
        Cbor.Map map = new Cbor.Map(entries);

        byte[] encoded = codec.encode(map);

        assertThat(HexFormat.of().formatHex(encoded)).startsWith("a30126616258180000");
        assertThat(codec.decode(encoded, CborLimits.EMBEDDED)).isEqualTo(map);
        assertThat(HexFormat.of().formatHex(codec.encode(Cbor.array(Cbor.text("Signature1"))))).isEqualTo("816a5369676e617475726531");
    }

    @Test
    void refuses_duplicate_map_keys() {
        refused("a2616101616102", CborLimits.EMBEDDED, "duplicate map key \"a\"");
        refused("a201010102", CborLimits.EMBEDDED, "duplicate map key 1");
    }

    @Test
    void refuses_keys_that_are_neither_integers_nor_text() {
        refused("a1410101", CborLimits.EMBEDDED, "");
        refused("a1f401", CborLimits.EMBEDDED, "");
        refused("a1d8186161" + "01", CborLimits.EMBEDDED, "");
    }

    @Test
    void refuses_indefinite_lengths_where_only_definite_ones_are_allowed_and_reads_them_in_the_envelope() throws Exception {
        refused("9f01ff", CborLimits.EMBEDDED, "indefinite-length array");
        refused("bf616101ff", CborLimits.EMBEDDED, "indefinite-length map");
        refused("5f4101ff", CborLimits.EMBEDDED, "indefinite-length byte string");
        refused("7f6161ff", CborLimits.EMBEDDED, "indefinite-length text string");

        assertThat(decode("9f01ff", CborLimits.ENVELOPE)).isEqualTo(Cbor.array(Cbor.integer(1)));
        assertThat(decode("bf616101ff", CborLimits.ENVELOPE)).isEqualTo(new Cbor.Map(Map.of(Cbor.text("a"), Cbor.integer(1))));
    }

    @Test
    void refuses_what_is_over_a_limit() {
        refused("8181818181818101", SMALL, "not CBOR");                      // depth 7 > 4 (Jackson's constraint, or ours)
        refused("86010203040506", SMALL, "more than 5 entries");
        refused("a6" + "0001" + "0101" + "0201" + "0301" + "0401" + "0501", SMALL, "more than 5 entries");
        refused("5111" + "00".repeat(17), SMALL, "byte string over 16 bytes");
        refused("71" + "61".repeat(17), SMALL, "not CBOR");                  // text over 16 (Jackson's maxStringLength)
        refused("85" + "850505050505".repeat(5), new CborLimits(1024, 4, 20, 10, 16, false), "more than 20 CBOR items");
        assertThatThrownBy(() -> codec.decode(new byte[1025], SMALL)).hasMessageContaining("over the limit of 1024");
    }

    @Test
    void refuses_a_declared_length_beyond_the_data_without_allocating_it() {
        refused("5a7fffffff00", CborLimits.ENVELOPE, "not CBOR");
        refused("9b00000000ffffffff01", CborLimits.ENVELOPE, "not CBOR");
    }

    @Test
    void refuses_trailing_data_truncation_and_empty_input() {
        refused("0101", CborLimits.EMBEDDED, "after the CBOR item");
        refused("8201", CborLimits.EMBEDDED, "");
        assertThatThrownBy(() -> codec.decode(new byte[0], CborLimits.EMBEDDED)).hasMessageContaining("no CBOR data");
    }

    @Test
    void refuses_two_tags_on_one_item_big_numbers_and_other_simple_values() {
        refused("d818d8184101", CborLimits.EMBEDDED, "more than one tag");
        refused("1bffffffffffffffff", CborLimits.EMBEDDED, "beyond 64-bit");
        refused("c249010000000000000000", CborLimits.EMBEDDED, "");
        refused("f0", CborLimits.EMBEDDED, "simple value");
    }

    @Test
    void refuses_invalid_utf8_text() {
        refused("62c328", CborLimits.EMBEDDED, "not CBOR");
    }

    @Test
    void reads_the_tag_of_an_array_or_a_map_as_its_tag() throws Exception {
        assertThat(decode("d28101", CborLimits.EMBEDDED)).isEqualTo(new Cbor.Tagged(18, Cbor.array(Cbor.integer(1))));
        assertThat(decode("c1a0", CborLimits.EMBEDDED)).isEqualTo(new Cbor.Tagged(1, new Cbor.Map(Map.of())));
        assertThat(((Cbor.Array) decode("82d81841a001", CborLimits.EMBEDDED)).items())
                .isEqualTo(List.of(Cbor.embedded(new byte[] {(byte) 0xa0}), Cbor.integer(1)));
    }
}

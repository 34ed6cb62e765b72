package org.qtrust.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.qtrust.core.credential.status.StatusList;

/** draft-ietf-oauth-status-list §4.1: the examples' lst values and what each index holds. */
class StatusListTest {

    @Test
    void the_one_bit_example_reads_from_the_least_significant_bit() {
        // §4.1 example: bits 1, lst "eNrbuRgAAhcBXQ" = bytes b9 a3; statuses 1,0,0,1,1,1,0,1, 1,1,0,0,0,1,0,1.
        StatusList list = StatusList.decode(1, "eNrbuRgAAhcBXQ");
        int[] expected = {1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1};
        for (int i = 0; i < expected.length; i++) {
            assertThat(list.status(i)).as("index " + i).hasValue(expected[i]);
        }
        assertThat(list.size()).isEqualTo(16);
        assertThat(list.status(16)).isEmpty();
    }

    @Test
    void the_two_bit_example_packs_four_statuses_per_byte() {
        // §4.1 example: bits 2, lst "eNo76fITAAPfAgc" = bytes c9 44 f9; statuses 1,2,0,3, 0,1,0,1, 1,2,3,3.
        StatusList list = StatusList.decode(2, "eNo76fITAAPfAgc");
        int[] expected = {1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3};
        for (int i = 0; i < expected.length; i++) {
            assertThat(list.status(i)).as("index " + i).hasValue(expected[i]);
        }
    }

    @Test
    void only_1_2_4_or_8_bits_and_real_zlib_data_are_accepted() {
        assertThatThrownBy(() -> StatusList.decode(3, "eNrbuRgAAhcBXQ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusList.decode(1, "bm90IHpsaWI")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusList.decode(1, "!!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_decompression_bomb_stops_at_the_limit() {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[StatusList.MAX_BYTES + 1]);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        String lst = Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        assertThatThrownBy(() -> StatusList.decode(1, lst)).hasMessageContaining("more than");
    }
}

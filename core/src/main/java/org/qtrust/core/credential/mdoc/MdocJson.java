package org.qtrust.core.credential.mdoc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qtrust.core.credential.mdoc.cbor.Cbor;

/**
 * CBOR element values as JSON values (issue 18 item 6): tdate (tag 0) and full-date (tag 1004)
 * as their ISO strings, epoch times (tag 1) as ISO instants, byte strings (and embedded CBOR) as
 * base64url without padding, maps with their keys as text, other tags as their content.
 */
public final class MdocJson {

    private MdocJson() {
    }

    public static Object value(Cbor item) {
        if (item instanceof Cbor.Text text) {
            return text.value();
        } else if (item instanceof Cbor.Int integer) {
            return integer.value();
        } else if (item instanceof Cbor.Bytes bytes) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.value());
        } else if (item instanceof Cbor.Bool bool) {
            return bool.value();
        } else if (item instanceof Cbor.Float number) {
            return number.value();
        } else if (item instanceof Cbor.Null) {
            return null;
        } else if (item instanceof Cbor.Array array) {
            List<Object> list = new ArrayList<>(array.size());
            array.items().forEach(entry -> list.add(value(entry)));
            return list;
        } else if (item instanceof Cbor.Map map) {
            Map<String, Object> object = new LinkedHashMap<>();
            map.entries().forEach((k, v) -> object.put(k instanceof Cbor.Text t ? t.value() : String.valueOf(((Cbor.Int) k).value()), value(v)));
            return object;
        }
        Cbor.Tagged tagged = (Cbor.Tagged) item;
        if (tagged.tag() == Cbor.EPOCH && tagged.value() instanceof Cbor.Int seconds) {
            return Instant.ofEpochSecond(seconds.value()).toString();
        }
        return value(tagged.value());
    }
}

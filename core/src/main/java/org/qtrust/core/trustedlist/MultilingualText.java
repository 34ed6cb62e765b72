package org.qtrust.core.trustedlist;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A text given in several languages (xml:lang → value), in document order. */
public record MultilingualText(Map<String, String> byLanguage) {

    public static final MultilingualText EMPTY = new MultilingualText(Map.of());

    public MultilingualText {
        byLanguage = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(byLanguage)));
    }

    public static MultilingualText english(String value) {
        return new MultilingualText(Map.of("en", value));
    }

    /** The English text if there is one, else the first one given, else the empty string. */
    public String preferred() {
        String english = byLanguage.get("en");
        if (english != null) {
            return english;
        }
        return byLanguage.values().stream().findFirst().orElse("");
    }

    @Override
    public String toString() {
        return preferred();
    }
}

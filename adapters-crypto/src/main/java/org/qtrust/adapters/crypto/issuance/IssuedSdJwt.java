package org.qtrust.adapters.crypto.issuance;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An issued SD-JWT: the issuer-signed JWT and all its disclosures. The holder presents it with
 * some or all disclosures, and optionally a KB-JWT ({@link KeyBinding}).
 */
public record IssuedSdJwt(String issuerJwt, List<Disclosure> disclosures) {

    public IssuedSdJwt {
        Objects.requireNonNull(issuerJwt);
        disclosures = List.copyOf(disclosures);
    }

    /** The issuance form with every disclosure: {@code <issuer-jwt>~<d1>~…~}. */
    public String issuance() {
        return withDisclosures(disclosures.stream().map(Disclosure::encoded).toList());
    }

    /** The SD-JWT with the disclosures the holder chooses to reveal (still without a KB-JWT). */
    public String revealing(Predicate<Disclosure> reveal) {
        return withDisclosures(disclosures.stream().filter(reveal).map(Disclosure::encoded).toList());
    }

    /** The issuer JWT followed by exactly these (encoded) disclosures and a final '~'. */
    public String withDisclosures(List<String> encoded) {
        StringBuilder text = new StringBuilder(issuerJwt).append('~');
        encoded.forEach(d -> text.append(d).append('~'));
        return text.toString();
    }

    /** The disclosure of a claim name (the first one with that name). */
    public Disclosure disclosure(String name) {
        return disclosures.stream().filter(d -> d.name().filter(name::equals).isPresent()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no disclosure for claim " + name));
    }
}

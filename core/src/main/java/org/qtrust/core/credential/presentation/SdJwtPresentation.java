package org.qtrust.core.credential.presentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.credential.port.MalformedTokenException;

/**
 * The parts of an SD-JWT (RFC 9901 §4): {@code <issuer-jwt>~<disclosure>~…~} (issuance form)
 * or {@code <issuer-jwt>~<disclosure>~…~<kb-jwt>} (presentation with key binding).
 *
 * @param issuerJwt     the issuer-signed JWT
 * @param disclosures   the disclosures, as received (base64url)
 * @param keyBindingJwt the KB-JWT, when present
 * @param sdHashInput   the part the KB-JWT's {@code sd_hash} covers: everything up to and including the last '~'
 */
public record SdJwtPresentation(String issuerJwt, List<String> disclosures, Optional<String> keyBindingJwt, String sdHashInput) {

    /** The largest presentation accepted (a credential with a portrait photo fits comfortably). */
    public static final int MAX_CHARACTERS = 1024 * 1024;
    /** The most disclosures accepted in one presentation. */
    public static final int MAX_DISCLOSURES = 1000;

    public SdJwtPresentation {
        Objects.requireNonNull(issuerJwt);
        disclosures = List.copyOf(disclosures);
        Objects.requireNonNull(keyBindingJwt);
        Objects.requireNonNull(sdHashInput);
    }

    /** Splits the text (surrounding white space ignored) into its parts; judges none of them. */
    public static SdJwtPresentation parse(String text) throws MalformedTokenException {
        String presentation = text.strip();
        if (presentation.length() > MAX_CHARACTERS) {
            throw new MalformedTokenException("larger than " + MAX_CHARACTERS + " characters");
        }
        for (int i = 0; i < presentation.length(); i++) {
            if (presentation.charAt(i) > 0x7e) {
                throw new MalformedTokenException("an SD-JWT is ASCII only");
            }
        }
        int last = presentation.lastIndexOf('~');
        if (last < 0) {
            throw new MalformedTokenException("not an SD-JWT: no '~' separator after the issuer JWT");
        }
        String[] parts = presentation.split("~", -1);
        if (parts.length - 2 > MAX_DISCLOSURES) {
            throw new MalformedTokenException("more than " + MAX_DISCLOSURES + " disclosures");
        }
        if (parts[0].isEmpty()) {
            throw new MalformedTokenException("the issuer JWT is empty");
        }
        List<String> disclosures = new ArrayList<>(parts.length - 2);
        for (int i = 1; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) {
                throw new MalformedTokenException("disclosure " + i + " is empty ('~~')");
            }
            disclosures.add(parts[i]);
        }
        String tail = parts[parts.length - 1];
        return new SdJwtPresentation(parts[0], disclosures, tail.isEmpty() ? Optional.empty() : Optional.of(tail),
                presentation.substring(0, last + 1));
    }
}

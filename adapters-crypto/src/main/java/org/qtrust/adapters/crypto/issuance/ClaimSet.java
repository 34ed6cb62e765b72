package org.qtrust.adapters.crypto.issuance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The claims of an SD-JWT as the issuer means them: each claim plain or selectively disclosable
 * (RFC 9901 §4.2.4.1), objects nested with their own disclosable claims (recursively, §4.2.6),
 * arrays whose elements may be disclosable (§4.2.4.2), and decoy digests (§4.2.5).
 *
 * <pre>{@code
 * ClaimSet claims = ClaimSet.create()
 *         .claim("vct", "urn:eudi:pid:1")
 *         .disclosable("given_name", "Erika")
 *         .disclosable("address", ClaimSet.create().disclosable("locality", "Berlin"))
 *         .claim("nationalities", ClaimSet.array(ClaimSet.disclosableElement("DE"), "FR"))
 *         .decoys(2);
 * }</pre>
 */
public final class ClaimSet {

    /** One member: plain or disclosable. */
    record Member(String name, Object value, boolean disclosable) {
    }

    /** An array whose elements are plain values or {@link DisclosableElement}s. */
    public record ArrayClaim(List<Object> elements) {
        public ArrayClaim {
            elements = List.copyOf(elements);
        }
    }

    /** An array element disclosed selectively. */
    public record DisclosableElement(Object value) {
    }

    private final List<Member> members = new ArrayList<>();
    private int decoys;

    private ClaimSet() {
    }

    public static ClaimSet create() {
        return new ClaimSet();
    }

    /** An always-visible claim; the value may be JSON-ready (String, Number, Boolean, Map, List), a ClaimSet or an ArrayClaim. */
    public ClaimSet claim(String name, Object value) {
        members.add(new Member(Objects.requireNonNull(name), value, false));
        return this;
    }

    /** A selectively disclosable claim. */
    public ClaimSet disclosable(String name, Object value) {
        members.add(new Member(Objects.requireNonNull(name), value, true));
        return this;
    }

    /** Without the members named {@code name} (e.g. to disclose a claim that is otherwise plain). */
    public ClaimSet without(String name) {
        members.removeIf(member -> member.name().equals(name));
        return this;
    }

    /** Digests that reference no disclosure, hiding how many claims are disclosable. */
    public ClaimSet decoys(int count) {
        this.decoys = count;
        return this;
    }

    public static ArrayClaim array(Object... elements) {
        return new ArrayClaim(List.of(elements));
    }

    public static DisclosableElement disclosableElement(Object value) {
        return new DisclosableElement(value);
    }

    List<Member> members() {
        return members;
    }

    int decoyCount() {
        return decoys;
    }
}

package org.qtrust.adapters.xml;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.port.MalformedListException;
import org.qtrust.core.trustedlist.port.MalformedListException.Problem;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The damaged variants in trust-data/broken, each compared with its original: what the reader
 * must refuse, and what is still a readable list (a broken or missing signature is the
 * signature verifier's business, not the reader's).
 */
class BrokenListsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "broken/CZ_not-parsable.xml",            // a <ServiceDigitalIdentity> block cut, leaving a stray end tag
            "broken/CZ_not-conform.xml",             // despite its name: <TSLVersionIdentifier>5 never closed
            "broken/eu-lotl_not-parsable.xml",       // </SchemeOperatorName> removed
            "broken/eu-lotl-not-parseable.xml",      // </ElectronicAddress> removed
            "broken/tl_pivot_191_mp_not-parsable.xml", // a line replaced by a stray </Name>
            "broken/tl_pivot_247_mp_not-parsable.xml"  // </ElectronicAddress> removed
    })
    void not_well_formed(String file) {
        assertProblem(file, Problem.NOT_WELL_FORMED, "the document is not well-formed XML: ");
    }

    @Test
    void not_well_formed_names_the_tags_and_the_place() {
        assertThatThrownBy(() -> SharedTrustData.read("broken/CZ_not-conform.xml"))
                .hasMessage("the document is not well-formed XML: Unexpected close tag </SchemeInformation>; "
                        + "expected </TSLVersionIdentifier>. at [row,col]: [174,20]");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"broken/CZ_empty.xml", "broken/tl_pivot_247_mp_empty.xml"})
    void empty(String file) {
        assertProblem(file, Problem.EMPTY, "the document is empty");
    }

    /**
     * TSLVersionIdentifier is mandatory in every version of the format (TS 119 612 §5.3.1; the
     * schema has no minOccurs="0" on it) and says how the rest is to be read: a list without it
     * is refused rather than guessed at. Both files are also re-indented or edited after signing.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"broken/CZ_not-compliant.xml", "broken/eu-lotl-no-tl-version.xml"})
    void missing_version_identifier(String file) {
        assertProblem(file, Problem.NOT_CONFORMANT, "SchemeInformation/TSLVersionIdentifier is missing or empty");
    }

    /**
     * The mandatory SchemeOperatorAddress is missing: schema-invalid, but nothing the domain
     * reads depends on it, and this reader is not a schema validator. The edit broke the
     * signature, which the signature verifier reports.
     */
    @Test
    void missing_scheme_operator_address_is_readable() throws MalformedListException {
        TrustedList lotl = SharedTrustData.read("broken/eu-lotl_non-compliant.xml");

        assertThat(lotl.scheme().sequenceNumber()).isEqualTo(BigInteger.valueOf(248));
        assertThat(lotl.scheme().pointers()).hasSize(44);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "broken/tl_pivot_247_mp_with-bom.xml",        // UTF-8 byte order mark
            "broken/tl_pivot_247_mp_with-spaces.xml",     // extra spaces inside a start tag
            "broken/tl_pivot_247_mp_broken-sig.xml",
            "broken/tl_pivot_247_mp_no-sig.xml",
            "broken/tl_pivot_247_mp_missing-pivot.xml"
    })
    void pivot_247_variants_read_as_the_original(String file) throws MalformedListException {
        TrustedList original = SharedTrustData.read("pivots/tl_pivot_247_mp.xml");
        TrustedList variant = SharedTrustData.read(file);

        assertThat(variant.scheme().sequenceNumber()).isEqualTo(original.scheme().sequenceNumber());
        assertThat(variant.scheme().issued()).isEqualTo(original.scheme().issued());
        assertThat(variant.scheme().pointers()).isEqualTo(original.scheme().pointers());
    }

    @Test
    @DisplayName("the LOTL without its XML declaration reads as the LOTL")
    void xml_declaration_removed() throws MalformedListException {
        TrustedList lotl = SharedTrustData.read("broken/eu-lotl_xml-directive-removed.xml");

        assertThat(lotl.scheme().pointers()).isEqualTo(SharedTrustData.read("lotl-snapshot/EU.xml").scheme().pointers());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"broken/CZ_broken-sig.xml", "broken/CZ_no-sig.xml", "broken/CZ_two-sigs.xml"})
    void signature_variants_of_cz_read(String file) throws MalformedListException {
        TrustedList cz = SharedTrustData.read(file);

        assertThat(cz.territory()).isEqualTo("CZ");
        assertThat(cz.serviceCount()).isEqualTo(133);
    }

    @Test
    @DisplayName("the status changed after signing is what the broken-signature CZ list says (the verifier must catch it)")
    void broken_signature_content_is_read_as_written() throws MalformedListException {
        TrustedList original = SharedTrustData.read("lotl-snapshot/CZ.xml");
        TrustedList tampered = SharedTrustData.read("broken/CZ_broken-sig.xml");

        long withdrawnOriginal = original.providers().stream().flatMap(p -> p.services().stream())
                .filter(s -> s.currentStatus().shortName().equals("withdrawn")).count();
        long withdrawnTampered = tampered.providers().stream().flatMap(p -> p.services().stream())
                .filter(s -> s.currentStatus().shortName().equals("withdrawn")).count();
        assertThat(withdrawnTampered).isEqualTo(withdrawnOriginal - 1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"broken/eu-lotl-broken-sig.xml", "broken/eu-lotl-no-sig.xml", "broken/eu-lotl_broken-sig.xml",
            "broken/tl_pivot_191_mp_broken-sig.xml", "broken/tl_pivot_191_mp_no-sig.xml"})
    void signature_variants_of_lotls_read(String file) throws MalformedListException {
        assertThat(SharedTrustData.read(file).isListOfLists()).isTrue();
    }

    private static void assertProblem(String file, Problem problem, String messageStart) {
        assertThatThrownBy(() -> SharedTrustData.read(file))
                .isInstanceOfSatisfying(MalformedListException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.getMessage()).startsWith(messageStart).doesNotContain("\n");
                });
    }
}

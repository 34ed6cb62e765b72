package org.qtrust.adapters.xml;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qtrust.core.trustedlist.DigitalIdentity;
import org.qtrust.core.trustedlist.TrustServiceProvider;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.TrustedService;
import org.qtrust.core.trustedlist.port.MalformedListException;
import org.qtrust.core.trustedlist.port.MalformedListException.Problem;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TS 119 612 v2.1 ("v5") and v2.4.1 ("v6") lists, the pivot LOTLs, and the older formats
 * (TS 102 231 v3, TS 119 612 v1) all read. The one schema change of v2.4.1, an optional
 * {@code type} attribute on ServiceSupplyPoint, carries nothing the domain keeps.
 */
class FormatVersionsTest {

    private static final List<String> INCOMPLETE_V6 = List.of(
            "other-versions/fi-v6-no-service-information.xml", "other-versions/fi-v6-no-tsp-information.xml");

    static Stream<String> readableLists() {
        return Stream.of(SharedTrustData.xmlFiles("pivots"), SharedTrustData.xmlFiles("pivots/synthetic"),
                        SharedTrustData.xmlFiles("other-versions"))
                .flatMap(List::stream)
                .filter(file -> !INCOMPLETE_V6.contains(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readableLists")
    void pivots_and_other_versions_read(String file) throws MalformedListException {
        TrustedList list = SharedTrustData.read(file);

        assertThat(list.scheme().sequenceNumber()).isPositive();
        assertThat(list.scheme().tslType()).isNotBlank();
        assertThat(list.scheme().versionIdentifier()).isIn(1, 3, 5, 6);
    }

    @Test
    @DisplayName("v6 reads like the v5 list it was made from: same scheme, providers, services and identities")
    void v6_reads_like_v5() throws MalformedListException {
        TrustedList v5 = SharedTrustData.read("other-versions/fi-v5.xml");
        TrustedList v6 = SharedTrustData.read("other-versions/fi-v6.xml");

        assertThat(v5.scheme().versionIdentifier()).isEqualTo(5);
        assertThat(v6.scheme().versionIdentifier()).isEqualTo(6);
        assertThat(v6.territory()).isEqualTo("FI");
        assertThat(v6.scheme().sequenceNumber()).isEqualTo(v5.scheme().sequenceNumber());
        assertThat(v6.scheme().issued()).isEqualTo(v5.scheme().issued());
        assertThat(v6.scheme().nextUpdate()).isEqualTo(v5.scheme().nextUpdate());
        assertThat(v6.providers()).hasSameSizeAs(v5.providers());
        assertThat(v6.serviceCount()).isEqualTo(v5.serviceCount()).isEqualTo(19);
        for (int p = 0; p < v5.providers().size(); p++) {
            List<TrustedService> s5 = v5.providers().get(p).services();
            List<TrustedService> s6 = v6.providers().get(p).services();
            for (int s = 0; s < s5.size(); s++) {
                assertThat(s6.get(s).type()).isEqualTo(s5.get(s).type());
                assertThat(s6.get(s).currentStatus()).isEqualTo(s5.get(s).currentStatus());
                assertThat(s6.get(s).history().periods()).hasSameSizeAs(s5.get(s).history().periods());
                assertThat(s6.get(s).identity().certificates()).isEqualTo(s5.get(s).identity().certificates());
                assertThat(s6.get(s).extensions()).isEqualTo(s5.get(s).extensions());
            }
        }
    }

    @Test
    @DisplayName("a v6 list whose ServiceSupplyPoints have no type attribute reads the same")
    void v6_without_supply_point_types() throws MalformedListException {
        assertThat(SharedTrustData.read("other-versions/fi-v6-no-supply-points-type.xml").serviceCount()).isEqualTo(19);
    }

    @Test
    @DisplayName("a TSPService without ServiceInformation is not conformant (schema: mandatory; the service has no status)")
    void v6_service_without_service_information() {
        assertThatThrownBy(() -> SharedTrustData.read("other-versions/fi-v6-no-service-information.xml"))
                .isInstanceOfSatisfying(MalformedListException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.NOT_CONFORMANT);
                    assertThat(e.getMessage()).contains("TSPService[1]/ServiceInformation is missing");
                });
    }

    @Test
    @DisplayName("a TrustServiceProvider without TSPInformation is not conformant (schema: mandatory; the provider has no name)")
    void v6_provider_without_tsp_information() {
        assertThatThrownBy(() -> SharedTrustData.read("other-versions/fi-v6-no-tsp-information.xml"))
                .isInstanceOfSatisfying(MalformedListException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.NOT_CONFORMANT);
                    assertThat(e.getMessage()).isEqualTo("TrustServiceProvider[1]/TSPInformation is missing");
                });
    }

    @Test
    @DisplayName("TS 119 612 v1 (TSLVersionIdentifier 1): the Peruvian test LOTL")
    void version_1_lotl() throws MalformedListException {
        TrustedList peru = SharedTrustData.read("other-versions/peru-lotl.xml");

        assertThat(peru.scheme().versionIdentifier()).isEqualTo(1);
        assertThat(peru.isListOfLists()).isTrue();
        assertThat(peru.scheme().pointers()).singleElement().satisfies(p -> {
            assertThat(p.territory()).isEqualTo("PE");
            assertThat(p.tslType()).isEqualTo(TrustedList.EU_GENERIC_TYPE);
            assertThat(p.signingCertificates()).isNotEmpty();
        });
    }

    @Test
    @DisplayName("TS 102 231 v3 with a tsl: prefix on every element: the Peruvian list")
    void version_3_with_prefixes() throws MalformedListException {
        TrustedList pe = SharedTrustData.read("other-versions/tsl-pe.xml");

        assertThat(pe.scheme().versionIdentifier()).isEqualTo(3);
        assertThat(pe.territory()).isEqualTo("PE");
        assertThat(pe.scheme().sequenceNumber()).isEqualTo(BigInteger.valueOf(25));
        assertThat(pe.scheme().issued()).isEqualTo(Instant.parse("2018-11-29T21:00:16.210Z"));
        assertThat(pe.scheme().operatorName().byLanguage()).containsKeys("es", "en");
        assertThat(pe.providers()).hasSize(24);
        assertThat(pe.providers().get(0).tradeName().preferred()).isEqualTo("RENIEC");
    }

    @Test
    @DisplayName("TS 102 231 v3 without SchemeTerritory (optional before TS 119 612 v2): the gematik list")
    void version_3_without_territory() throws MalformedListException {
        TrustedList gematik = SharedTrustData.read("other-versions/tl-ecdsa-brainpool.xml");

        assertThat(gematik.scheme().versionIdentifier()).isEqualTo(3);
        assertThat(gematik.territory()).isEmpty();
        assertThat(gematik.scheme().sequenceNumber()).isEqualTo(BigInteger.valueOf(10180));
        assertThat(gematik.providers()).hasSize(10);
        assertThat(gematik.serviceCount()).isEqualTo(148);
        assertThat(gematik.scheme().pointers()).hasSize(2).allSatisfy(p -> {
            assertThat(p.location()).startsWith("http://download");
            assertThat(p.territory()).isEmpty();
            assertThat(p.tslType()).isEmpty();
            assertThat(p.mimeType()).isEmpty();
            assertThat(p.isXml()).isTrue();
        });
        // language codes compare case-insensitively and are kept in lower case
        assertThat(gematik.scheme().operatorName().byLanguage()).containsEntry("de", "gematik GmbH");
        // the brainpool X.509 certificates decode; the 8 CV-certificate and DNSSEC services identify keys by <Other> only
        List<DigitalIdentity> identities = gematik.providers().stream().flatMap(p -> p.services().stream())
                .map(TrustedService::identity).toList();
        assertThat(identities).filteredOn(i -> !i.certificates().isEmpty()).hasSize(140);
        assertThat(identities).filteredOn(DigitalIdentity::isEmpty).hasSize(8);
    }

    @Test
    @DisplayName("the MRA lists read; their extra OtherInformation is skipped")
    void mutual_recognition_lists() throws MalformedListException {
        TrustedList mraLotl = SharedTrustData.read("other-versions/mra-lotl.xml");
        TrustedList zz = SharedTrustData.read("other-versions/mra-zz-tl.xml");

        assertThat(mraLotl.isListOfLists()).isTrue();
        assertThat(zz.territory()).isEqualTo("ZZ");
        assertThat(zz.scheme().pointers()).singleElement().satisfies(p -> {
            assertThat(p.territory()).isEqualTo("EU");
            assertThat(p.mimeType()).isEqualTo("application/vnd.etsi.tsl+xml");
        });
    }

    @Test
    @DisplayName("a pivot LOTL lists itself and the older pivots in SchemeInformationURI, newest first, in document order")
    void pivot_scheme_information_uris() throws MalformedListException {
        TrustedList pivot = SharedTrustData.read("pivots/tl_pivot_247_mp.xml");

        assertThat(pivot.scheme().schemeInformationUris())
                .filteredOn(uri -> uri.contains("tl-pivot-"))
                .extracting(uri -> uri.substring(uri.lastIndexOf('/') + 1))
                .containsExactly("tl-pivot-247-mp.xml", "tl-pivot-226-mp.xml", "tl-pivot-191-mp.xml", "tl-pivot-172-mp.xml");
    }

    @Test
    void a_later_fr_list_reads_with_its_own_sequence_number() throws MalformedListException {
        TrustedList fr = SharedTrustData.read("other-versions/FR_59.xml");

        assertThat(fr.scheme().sequenceNumber()).isEqualTo(BigInteger.valueOf(59));
        assertThat(fr.providers()).hasSize(24);
        assertThat(fr.serviceCount()).isEqualTo(125);
        List<TrustServiceProvider> providers = fr.providers();
        assertThat(providers).allSatisfy(p -> assertThat(p.name().preferred()).isNotBlank());
    }
}

package org.qtrust.adapters.xml;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.qtrust.core.trustedlist.CriteriaList;
import org.qtrust.core.trustedlist.CriteriaList.Assertion;
import org.qtrust.core.trustedlist.Qualification;
import org.qtrust.core.trustedlist.ServiceInformationExtensions;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.TrustedService;
import org.qtrust.core.trustedlist.port.MalformedListException;
import org.qtrust.core.trustedlist.port.MalformedListException.Problem;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ServiceInformationExtensions (TS 119 612 §5.5.9): Sie:Q qualifications and the other extensions. */
class ExtensionsTest {

    private static final String SVC_INFO_EXT = "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/";

    @Test
    @DisplayName("Sie:Q with a KeyUsage criterion, and AdditionalServiceInformation (FI, v6)")
    void key_usage_qualification() throws MalformedListException {
        TrustedService service = service(SharedTrustData.read("other-versions/fi-v6.xml"),
                "VRK Gov. CA for Citizen Qualified Certificates");

        ServiceInformationExtensions extensions = service.extensions();
        assertThat(extensions.additionalServiceInformation()).containsExactly(SVC_INFO_EXT + "ForeSignatures");
        assertThat(extensions.unknownCriticalExtensions()).isEmpty();
        assertThat(extensions.qualifications()).singleElement().satisfies(q -> {
            assertThat(q.qualifierUris()).containsExactly(SVC_INFO_EXT + "QCForESig");
            assertThat(q.criteria().assertion()).isEqualTo(Assertion.ALL);
            assertThat(q.criteria().keyUsages()).containsExactly(Map.of("nonRepudiation", true));
            assertThat(q.criteria().policySets()).isEmpty();
            assertThat(q.criteria().nested()).isEmpty();
        });
    }

    @Test
    @DisplayName("Sie:Q with PolicySet criteria given as OID URNs (ES): read as dotted OIDs")
    void policy_set_qualification() throws MalformedListException {
        TrustedService service = service(SharedTrustData.read("lotl-snapshot/ES.xml"), "Santander Digital Signature");

        Qualification notQualified = service.extensions().qualifications().stream()
                .filter(q -> q.qualifierUris().contains(SVC_INFO_EXT + "NotQualified")).findFirst().orElseThrow();
        assertThat(notQualified.criteria().assertion()).isEqualTo(Assertion.AT_LEAST_ONE);
        assertThat(notQualified.criteria().policySets()).contains(
                List.of("1.3.6.1.4.1.13177.10.1.5.1"), List.of("1.3.6.1.4.1.13177.10.1.21.1"));
    }

    @Test
    @DisplayName("Sie:Q with a CertSubjectDNAttribute criterion (ES)")
    void subject_dn_attribute_qualification() throws MalformedListException {
        TrustedService service = service(SharedTrustData.read("lotl-snapshot/ES.xml"),
                "Banesto Qualified Certificates of previous CA PSC Banesto Clientes");

        Qualification notQualified = service.extensions().qualifications().stream()
                .filter(q -> q.qualifierUris().contains(SVC_INFO_EXT + "NotQualified")).findFirst().orElseThrow();
        assertThat(notQualified.criteria().assertion()).isEqualTo(Assertion.AT_LEAST_ONE);
        assertThat(notQualified.criteria().certSubjectDnAttributes()).containsExactly("1.3.6.1.4.1.18838.1.1");
        assertThat(service.extensions().unknownCriticalExtensions()).isEmpty();
    }

    @Test
    @DisplayName("Sie:Q with a PolicySet of plain OIDs (CZ)")
    void plain_oid_policy_set() throws MalformedListException {
        TrustedList cz = SharedTrustData.read("lotl-snapshot/CZ.xml");

        assertThat(cz.providers().stream().flatMap(p -> p.services().stream())
                .flatMap(s -> s.extensions().qualifications().stream())
                .flatMap(q -> q.criteria().policySets().stream()))
                .contains(List.of("1.3.6.1.4.1.6625.1.1.4.6"));
    }

    @Test
    @DisplayName("Sie:Q with an ExtendedKeyUsage criterion (SK)")
    void extended_key_usage_qualification() throws MalformedListException {
        TrustedList sk = SharedTrustData.read("other-versions/sk-tl-sn-95.xml");

        assertThat(sk.providers().stream().flatMap(p -> p.services().stream())
                .flatMap(s -> s.history().periods().stream())
                .flatMap(p -> p.extensions().qualifications().stream())
                .map(q -> q.criteria().extendedKeyUsages()))
                .contains(List.of("1.3.6.1.5.5.7.3.1"));
    }

    @Test
    @DisplayName("a criterion the reader cannot evaluate (e.g. an MRA QcStatementSet) is reported when the extension is critical")
    void unknown_criterion() throws MalformedListException {
        String extension = """
                <tsl:ServiceInformationExtensions><tsl:Extension Critical="CRITICAL"><q:Qualifications><q:QualificationElement>
                  <q:Qualifiers><q:Qualifier uri="http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/QCStatement"/></q:Qualifiers>
                  <q:CriteriaList assert="all">
                    <q:KeyUsage><q:KeyUsageBit name="nonRepudiation">true</q:KeyUsageBit></q:KeyUsage>
                    <q:otherCriteriaList>
                      <mra:QcStatementSet xmlns:mra="http://ec.europa.eu/tools/lotl/mra/schema/v2#"><mra:QcStatement/></mra:QcStatementSet>
                    </q:otherCriteriaList>
                  </q:CriteriaList>
                </q:QualificationElement></q:Qualifications></tsl:Extension></tsl:ServiceInformationExtensions>""";

        ServiceInformationExtensions critical = ListXml.minimal().replace(ListXml.EXTENSIONS, extension.replace("CRITICAL", "true"))
                .read().providers().get(0).services().get(0).extensions();
        ServiceInformationExtensions optional = ListXml.minimal().replace(ListXml.EXTENSIONS, extension.replace("CRITICAL", "false"))
                .read().providers().get(0).services().get(0).extensions();

        // a criterion silently dropped would widen the qualification to certificates it does not cover
        assertThat(critical.unknownCriticalExtensions()).containsExactly("otherCriteriaList/QcStatementSet");
        assertThat(critical.qualifications().get(0).criteria().keyUsages()).containsExactly(Map.of("nonRepudiation", true));
        assertThat(optional.unknownCriticalExtensions()).isEmpty();
        assertThat(optional.qualifications()).hasSize(1);
    }

    @Test
    @DisplayName("ExpiredCertsRevocationInfo is read as a date-time (IT)")
    void expired_certs_revocation_info() throws MalformedListException {
        TrustedList it = SharedTrustData.read("lotl-snapshot/IT.xml");

        assertThat(it.providers().stream().flatMap(p -> p.services().stream())
                .flatMap(s -> s.history().periods().stream())
                .map(p -> p.extensions().expiredCertsRevocationInfo())
                .filter(java.util.Optional::isPresent).map(java.util.Optional::get))
                .isNotEmpty();
    }

    @Test
    @DisplayName("all extensions in one list: qualifications with nested criteria, ASI, expiry info, TakenOverBy, unknown ones")
    void every_kind_of_extension() throws MalformedListException {
        TrustedService service = ListXml.minimal().replace(ListXml.EXTENSIONS, """
                <tsl:ServiceInformationExtensions>
                  <tsl:Extension Critical="1">
                    <q:Qualifications>
                      <q:QualificationElement>
                        <q:Qualifiers>
                          <q:Qualifier uri="http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/QCWithQSCD"/>
                          <q:Qualifier uri="http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/QCForESig"/>
                        </q:Qualifiers>
                        <q:CriteriaList assert="all">
                          <q:KeyUsage>
                            <q:KeyUsageBit name="nonRepudiation">true</q:KeyUsageBit>
                            <q:KeyUsageBit name="keyEncipherment">0</q:KeyUsageBit>
                          </q:KeyUsage>
                          <q:PolicySet>
                            <q:PolicyIdentifier><xades:Identifier Qualifier="OIDAsURN">urn:oid:0.4.0.194112.1.2</xades:Identifier></q:PolicyIdentifier>
                            <q:PolicyIdentifier><xades:Identifier>1.2.3.4</xades:Identifier><xades:Description>x</xades:Description></q:PolicyIdentifier>
                          </q:PolicySet>
                          <q:CriteriaList assert="none">
                            <q:PolicySet><q:PolicyIdentifier><xades:Identifier>1.2.3.5</xades:Identifier></q:PolicyIdentifier></q:PolicySet>
                          </q:CriteriaList>
                          <q:Description>described</q:Description>
                          <q:otherCriteriaList>
                            <tslx:ExtendedKeyUsage>
                              <tslx:KeyPurposeId><xades:Identifier>1.3.6.1.5.5.7.3.4</xades:Identifier></tslx:KeyPurposeId>
                            </tslx:ExtendedKeyUsage>
                            <tslx:CertSubjectDNAttribute>
                              <tslx:AttributeOID><xades:Identifier>2.5.4.97</xades:Identifier></tslx:AttributeOID>
                            </tslx:CertSubjectDNAttribute>
                          </q:otherCriteriaList>
                        </q:CriteriaList>
                      </q:QualificationElement>
                    </q:Qualifications>
                  </tsl:Extension>
                  <tsl:Extension Critical="true">
                    <tsl:AdditionalServiceInformation>
                      <tsl:URI xml:lang="en">http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSignatures</tsl:URI>
                    </tsl:AdditionalServiceInformation>
                  </tsl:Extension>
                  <tsl:Extension Critical="false">
                    <tsl:ExpiredCertsRevocationInfo>2016-01-01T00:00:00Z</tsl:ExpiredCertsRevocationInfo>
                  </tsl:Extension>
                  <tsl:Extension Critical="true">
                    <tslx:TakenOverBy>
                      <tsl:URI xml:lang="en">http://example.test/successor</tsl:URI>
                      <tsl:TSPName><tsl:Name xml:lang="en">Successor</tsl:Name></tsl:TSPName>
                      <tsl:SchemeOperatorName><tsl:Name xml:lang="en">Operator</tsl:Name></tsl:SchemeOperatorName>
                      <tsl:SchemeTerritory>ZZ</tsl:SchemeTerritory>
                    </tslx:TakenOverBy>
                  </tsl:Extension>
                  <tsl:Extension Critical="false"><x:Harmless xmlns:x="urn:x">ignored</x:Harmless></tsl:Extension>
                  <tsl:Extension Critical="true"><x:MustUnderstand xmlns:x="urn:x"><x:y/></x:MustUnderstand></tsl:Extension>
                </tsl:ServiceInformationExtensions>
                """).read().providers().get(0).services().get(0);

        ServiceInformationExtensions extensions = service.extensions();
        assertThat(extensions.additionalServiceInformation()).containsExactly(SVC_INFO_EXT + "ForeSignatures");
        assertThat(extensions.expiredCertsRevocationInfo()).contains(Instant.parse("2016-01-01T00:00:00Z"));
        assertThat(extensions.unknownCriticalExtensions()).containsExactly("MustUnderstand");
        Qualification qualification = extensions.qualifications().get(0);
        assertThat(qualification.qualifierUris()).containsExactly(SVC_INFO_EXT + "QCWithQSCD", SVC_INFO_EXT + "QCForESig");
        CriteriaList criteria = qualification.criteria();
        assertThat(criteria.assertion()).isEqualTo(Assertion.ALL);
        assertThat(criteria.keyUsages()).containsExactly(Map.of("nonRepudiation", true, "keyEncipherment", false));
        assertThat(criteria.policySets()).containsExactly(List.of("0.4.0.194112.1.2", "1.2.3.4"));
        assertThat(criteria.extendedKeyUsages()).containsExactly("1.3.6.1.5.5.7.3.4");
        assertThat(criteria.certSubjectDnAttributes()).containsExactly("2.5.4.97");
        assertThat(criteria.nested()).singleElement().satisfies(nested -> {
            assertThat(nested.assertion()).isEqualTo(Assertion.NONE);
            assertThat(nested.policySets()).containsExactly(List.of("1.2.3.5"));
        });
    }

    @Test
    @DisplayName("a CriteriaList without assert means all (§5.5.9.2.2); an unknown assert value is refused")
    void criteria_assertion() throws MalformedListException {
        String extension = """
                <tsl:ServiceInformationExtensions><tsl:Extension Critical="true"><q:Qualifications><q:QualificationElement>
                  <q:Qualifiers><q:Qualifier uri="http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/QCStatement"/></q:Qualifiers>
                  <q:CriteriaList ASSERT><q:KeyUsage><q:KeyUsageBit name="digitalSignature">true</q:KeyUsageBit></q:KeyUsage></q:CriteriaList>
                </q:QualificationElement></q:Qualifications></tsl:Extension></tsl:ServiceInformationExtensions>""";

        TrustedList withoutAssert = ListXml.minimal().replace(ListXml.EXTENSIONS, extension.replace(" ASSERT", "")).read();
        assertThat(withoutAssert.providers().get(0).services().get(0).extensions().qualifications().get(0).criteria().assertion())
                .isEqualTo(Assertion.ALL);
        assertThatThrownBy(() -> ListXml.minimal().replace(ListXml.EXTENSIONS, extension.replace("ASSERT", "assert=\"most\"")).read())
                .isInstanceOfSatisfying(MalformedListException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.NOT_CONFORMANT);
                    assertThat(e.getMessage()).endsWith("/ServiceInformationExtensions/Extension[1]/Qualifications/"
                            + "QualificationElement[1]/CriteriaList/@assert is not all, atLeastOne or none: 'most'");
                });
    }

    @Test
    @DisplayName("a QualificationElement without a CriteriaList would qualify every certificate: refused")
    void qualification_without_criteria() {
        assertThatThrownBy(() -> ListXml.minimal().replace(ListXml.EXTENSIONS, """
                <tsl:ServiceInformationExtensions><tsl:Extension Critical="true"><q:Qualifications><q:QualificationElement>
                  <q:Qualifiers><q:Qualifier uri="http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/QCWithQSCD"/></q:Qualifiers>
                </q:QualificationElement></q:Qualifications></tsl:Extension></tsl:ServiceInformationExtensions>""").read())
                .hasMessageEndingWith("/Qualifications/QualificationElement[1]/CriteriaList is missing");
    }

    @Test
    @DisplayName("an Extension without its mandatory Critical attribute is treated as critical")
    void missing_critical_attribute() throws MalformedListException {
        TrustedList list = ListXml.minimal().replace(ListXml.EXTENSIONS, """
                <tsl:ServiceInformationExtensions><tsl:Extension><x:Odd xmlns:x="urn:x"/></tsl:Extension></tsl:ServiceInformationExtensions>""")
                .read();

        assertThat(list.providers().get(0).services().get(0).extensions().unknownCriticalExtensions()).containsExactly("Odd");
    }

    @Test
    @DisplayName("identical extension sets are shared within a list")
    void extension_sets_are_shared() throws MalformedListException {
        TrustedList cz = SharedTrustData.read("lotl-snapshot/CZ.xml");
        List<ServiceInformationExtensions> sets = cz.providers().stream().flatMap(p -> p.services().stream())
                .flatMap(s -> s.history().periods().stream()).map(p -> p.extensions()).toList();

        java.util.Set<ServiceInformationExtensions> instances = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        instances.addAll(sets);
        assertThat(instances).hasSize((int) sets.stream().distinct().count());
    }

    private static TrustedService service(TrustedList list, String englishName) {
        return list.providers().stream().flatMap(p -> p.services().stream())
                .filter(s -> s.name().preferred().equals(englishName))
                .findFirst().orElseThrow(() -> new AssertionError("no service " + englishName));
    }
}

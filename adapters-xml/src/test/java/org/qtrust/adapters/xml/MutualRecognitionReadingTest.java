package org.qtrust.adapters.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qtrust.core.trustedlist.CriteriaList;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListPointer;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.mra.ContentEquivalence;
import org.qtrust.core.trustedlist.mra.EquivalenceMapping;
import org.qtrust.core.trustedlist.mra.MutualRecognitionAgreement;
import org.qtrust.core.trustedlist.mra.PointerAgreement;
import org.qtrust.core.trustedlist.mra.QcStatementCriteria;
import org.qtrust.core.trustedlist.port.MalformedListException;

/** The EC's mutual recognition pointers (MRA schema v2) read from the shared test LOTL and ZZ list, and hostile variants. */
class MutualRecognitionReadingTest {

    private static ListPointer zzPointer(TrustedList lotl) {
        return lotl.scheme().pointers().stream().filter(p -> p.tslType().endsWith("/ZZlist")).findFirst().orElseThrow();
    }

    @Test
    void the_shared_mra_lotl_s_third_country_pointer_carries_the_agreement_in_full() throws MalformedListException {
        TrustedList lotl = SharedTrustData.read("other-versions/mra-lotl.xml");
        ListPointer zz = zzPointer(lotl);

        assertThat(zz.agreement()).isInstanceOf(PointerAgreement.Understood.class);
        MutualRecognitionAgreement agreement = ((PointerAgreement.Understood) zz.agreement()).agreement();
        assertThat(agreement.technicalType()).isEqualTo(1);
        assertThat(agreement.depth()).isEqualTo(1);
        assertThat(agreement.equivalences()).singleElement().satisfies(e -> assertThat(e.legalIdentifier()).isEqualTo("QCForESig"));
        EquivalenceMapping mapping = agreement.equivalences().get(0).versions().get(0);
        assertThat(mapping.enacted()).isTrue();
        assertThat(mapping.start()).isEqualTo(Instant.parse("2020-05-16T23:59:59Z"));
        assertThat(mapping.pointingTypes().get(0).type()).isEqualTo("http://uri.etsi.org/TrstSvc/Svctype/CA/QC");
        assertThat(mapping.pointingTypes().get(0).additionalServiceInformation())
                .containsExactly("http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSignatures");
        assertThat(mapping.pointedTypes().get(0).type()).isEqualTo("http://zz-trusted-list.go.zz/TrstSvc/Svctype/CA/QC/for-eSig");
        assertThat(mapping.validPointed()).containsExactly("http://zz-trusted-list.go.zz/TrstSvc/TrustedList/Svcstatus/granted");
        assertThat(mapping.validPointing()).containsExactly("http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted");
        assertThat(mapping.invalidPointing()).containsExactly("http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/withdrawn");
        assertThat(mapping.qualifiers()).hasSize(8).containsEntry(
                "http://zz-trusted-list.go.zz/TrstSvc/TrustedList/SvcInfoExt/QCWithQSCD",
                "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/QCWithQSCD");
        assertThat(mapping.contents()).extracting(ContentEquivalence::context).containsExactly(
                ContentEquivalence.Context.QC_COMPLIANCE, ContentEquivalence.Context.QC_TYPE, ContentEquivalence.Context.QC_QSCD);
        QcStatementCriteria pointed = mapping.content(ContentEquivalence.Context.QC_COMPLIANCE).orElseThrow().pointed();
        assertThat(pointed.assertion()).isEqualTo(CriteriaList.Assertion.ALL);
        assertThat(pointed.sets()).singleElement().satisfies(set -> assertThat(set).containsExactly(
                new QcStatementCriteria.Statement("0.4.0.1862.1.1", java.util.Optional.empty(), java.util.Optional.empty()),
                new QcStatementCriteria.Statement("0.4.0.1862.1.7", java.util.Optional.empty(), java.util.Optional.of("ZZ"))));
        // the member states' pointers carry none
        assertThat(lotl.scheme().pointers().stream().filter(p -> p.tslType().endsWith("/EUgeneric")))
                .allSatisfy(p -> assertThat(p.agreement()).isEqualTo(PointerAgreement.NONE));
    }

    @Test
    void the_shared_zz_list_parses_with_its_pointer_back_to_the_lotl() throws MalformedListException {
        TrustedList zz = SharedTrustData.read("other-versions/mra-zz-tl.xml");

        assertThat(zz.scheme().tslType()).endsWith("/ZZlist");
        assertThat(zz.territory()).isEqualTo("ZZ");
        assertThat(zz.serviceCount()).isEqualTo(1);
        assertThat(zz.scheme().pointers()).singleElement().satisfies(p -> assertThat(p.agreement())
                .isInstanceOf(PointerAgreement.Understood.class));
    }

    private static PointerAgreement agreementOf(String replaced, String by) throws MalformedListException {
        String lotl = new String(SharedTrustData.bytes("other-versions/mra-lotl.xml"), StandardCharsets.UTF_8);
        assertThat(lotl).contains(replaced);
        TrustedList read = new Ts119612ListReader().read(new ListDocument("mra-lotl.xml",
                lotl.replace(replaced, by).getBytes(StandardCharsets.UTF_8)));
        return zzPointer(read).agreement();
    }

    @Test
    void agreements_of_a_kind_not_implemented_or_half_readable_are_not_understood_and_the_lotl_still_reads()
            throws MalformedListException {
        List<String[]> variants = List.of(
                new String[] {"technicalType=\"1\"", "technicalType=\"2\""},
                new String[] {"MRADepth=\"1\"", "MRADepth=\"0\""},
                new String[] {"<mra:TrustServiceEquivalenceStatusStartingTime>2020-05-16T23:59:59Z",
                        "<mra:TrustServiceEquivalenceStatusStartingTime>soon"},
                new String[] {"http://ec.europa.eu/tools/lotl/mra/QcQSCD", "http://ec.europa.eu/tools/lotl/mra/QcSomethingElse"},
                new String[] {"<mra:QcStatementSet>", "<ns5:KeyUsage><ns5:KeyUsageBit name=\"digitalSignature\">true</ns5:KeyUsageBit></ns5:KeyUsage><mra:QcStatementSet>"},
                new String[] {"TrustServiceTSLStatusInvalidEquivalence>", "TrustServiceTSLStatusOtherEquivalence>"});
        for (String[] variant : variants) {
            PointerAgreement agreement = agreementOf(variant[0], variant[1]);
            assertThat(agreement).as(variant[1]).isInstanceOf(PointerAgreement.NotUnderstood.class);
        }
    }
}

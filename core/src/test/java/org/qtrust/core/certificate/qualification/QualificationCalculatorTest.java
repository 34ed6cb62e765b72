package org.qtrust.core.certificate.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qtrust.core.certificate.TestServices.ESEAL;
import static org.qtrust.core.certificate.TestServices.ESIG;
import static org.qtrust.core.certificate.TestServices.WEB;
import static org.qtrust.core.certificate.TestServices.everyCertificate;
import static org.qtrust.core.certificate.TestServices.listed;
import static org.qtrust.core.certificate.TestServices.period;
import static org.qtrust.core.certificate.TestServices.service;
import static org.qtrust.core.certificate.qualification.CertificateQualification.CERT_FOR_ESEAL;
import static org.qtrust.core.certificate.qualification.CertificateQualification.CERT_FOR_ESIG;
import static org.qtrust.core.certificate.qualification.CertificateQualification.CERT_FOR_UNKNOWN;
import static org.qtrust.core.certificate.qualification.CertificateQualification.NA;
import static org.qtrust.core.certificate.qualification.CertificateQualification.QCERT_FOR_ESEAL;
import static org.qtrust.core.certificate.qualification.CertificateQualification.QCERT_FOR_ESEAL_QSCD;
import static org.qtrust.core.certificate.qualification.CertificateQualification.QCERT_FOR_ESIG;
import static org.qtrust.core.certificate.qualification.CertificateQualification.QCERT_FOR_ESIG_QSCD;
import static org.qtrust.core.certificate.qualification.CertificateQualification.QCERT_FOR_UNKNOWN;
import static org.qtrust.core.certificate.qualification.CertificateQualification.QCERT_FOR_UNKNOWN_QSCD;
import static org.qtrust.core.certificate.qualification.CertificateQualification.QCERT_FOR_WSA;
import static org.qtrust.core.certificate.qualification.CertificateQualification.CERT_FOR_WSA;
import static org.qtrust.core.certificate.qualification.ServiceQualifiers.NOT_QUALIFIED;
import static org.qtrust.core.certificate.qualification.ServiceQualifiers.QC_FOR_ESEAL;
import static org.qtrust.core.certificate.qualification.ServiceQualifiers.QC_FOR_ESIG;
import static org.qtrust.core.certificate.qualification.ServiceQualifiers.QC_FOR_LEGAL_PERSON;
import static org.qtrust.core.certificate.qualification.ServiceQualifiers.QC_FOR_WSA;
import static org.qtrust.core.certificate.qualification.ServiceQualifiers.QC_NO_QSCD;
import static org.qtrust.core.certificate.qualification.ServiceQualifiers.QC_NO_SSCD;
import static org.qtrust.core.certificate.qualification.ServiceQualifiers.QC_QSCD_MANAGED_ON_BEHALF;
import static org.qtrust.core.certificate.qualification.ServiceQualifiers.QC_QSCD_STATUS_AS_IN_CERT;
import static org.qtrust.core.certificate.qualification.ServiceQualifiers.QC_SSCD_STATUS_AS_IN_CERT;
import static org.qtrust.core.certificate.qualification.ServiceQualifiers.QC_STATEMENT;
import static org.qtrust.core.certificate.qualification.ServiceQualifiers.QC_WITH_QSCD;
import static org.qtrust.core.certificate.qualification.ServiceQualifiers.QC_WITH_SSCD;
import static org.qtrust.core.trustedlist.ServiceStatus.Kind.ACCREDITED;
import static org.qtrust.core.trustedlist.ServiceStatus.Kind.GRANTED;
import static org.qtrust.core.trustedlist.ServiceStatus.Kind.SET_BY_NATIONAL_LAW;
import static org.qtrust.core.trustedlist.ServiceStatus.Kind.SUPERVISION_CEASED;
import static org.qtrust.core.trustedlist.ServiceStatus.Kind.SUPERVISION_IN_CESSATION;
import static org.qtrust.core.trustedlist.ServiceStatus.Kind.UNDER_SUPERVISION;
import static org.qtrust.core.trustedlist.ServiceStatus.Kind.WITHDRAWN;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.QcType;
import org.qtrust.core.certificate.TestCertificates;
import org.qtrust.core.certificate.TestServices;
import org.qtrust.core.certificate.index.ListedService;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.trustedlist.Qualification;
import org.qtrust.core.trustedlist.TrustedService;

class QualificationCalculatorTest {

    private static final Instant VALIDATION = Instant.parse("2019-10-01T00:00:00Z");
    private static final List<Qualification> NO_QUALIFIERS = List.of();

    /** eIDAS-era certificate (2018) with the given QcStatements. */
    private static CertificateFacts eidasCertificate(boolean compliance, boolean sscd, QcType... types) {
        return TestCertificates.certificate("CN=Holder").qcStatements(TestCertificates.qc(compliance, sscd, types)).build();
    }

    /** Directive-era certificate (2014). */
    private static CertificateFacts directiveCertificate(boolean compliance, boolean sscd) {
        return TestCertificates.certificate("CN=Old Holder")
                .validity(Instant.parse("2014-03-01T00:00:00Z"), Instant.parse("2017-03-01T00:00:00Z"))
                .qcStatements(TestCertificates.qc(compliance, sscd)).build();
    }

    private static TrustedService grantedSince2016(List<String> asi, List<Qualification> qualifications) {
        return service(period(GRANTED, "2016-06-30T22:00:00Z", asi, qualifications));
    }

    private static CertificateQualification atIssuance(CertificateFacts certificate, TrustedService... services) {
        return QualificationCalculator.at(certificate, listedAll(services), certificate.notBefore(), "issuance").qualification();
    }

    private static CertificateQualification atValidation(CertificateFacts certificate, TrustedService... services) {
        return QualificationCalculator.at(certificate, listedAll(services), VALIDATION, "validation time").qualification();
    }

    private static List<ListedService> listedAll(TrustedService... services) {
        return List.of(services).stream().map(TestServices::listed).toList();
    }

    @Nested
    class QcStatementVariants {

        @Test
        void compliance_sscd_and_esign_type_make_a_qualified_esignature_certificate_on_a_qscd() {
            assertThat(atIssuance(eidasCertificate(true, true, QcType.ESIGN), grantedSince2016(List.of(ESIG), NO_QUALIFIERS)))
                    .isEqualTo(QCERT_FOR_ESIG_QSCD);
        }

        @Test
        void compliance_without_type_reads_as_esignatures() {
            assertThat(atIssuance(eidasCertificate(true, false), grantedSince2016(List.of(ESIG, ESEAL), NO_QUALIFIERS)))
                    .isEqualTo(QCERT_FOR_ESIG);
        }

        @Test
        void eseal_and_web_types_need_the_matching_additional_service_information() {
            assertThat(atIssuance(eidasCertificate(true, true, QcType.ESEAL), grantedSince2016(List.of(ESIG, ESEAL), NO_QUALIFIERS)))
                    .isEqualTo(QCERT_FOR_ESEAL_QSCD);
            assertThat(atIssuance(eidasCertificate(true, false, QcType.ESEAL), grantedSince2016(List.of(ESIG), NO_QUALIFIERS)))
                    .isEqualTo(CERT_FOR_ESEAL);
            assertThat(atIssuance(eidasCertificate(true, true, QcType.WEB), grantedSince2016(List.of(WEB), NO_QUALIFIERS)))
                    .isEqualTo(QCERT_FOR_WSA);
        }

        @Test
        void without_compliance_a_certificate_is_not_qualified() {
            assertThat(atIssuance(eidasCertificate(false, true, QcType.ESIGN), grantedSince2016(List.of(ESIG), NO_QUALIFIERS)))
                    .isEqualTo(CERT_FOR_ESIG);
            assertThat(atIssuance(TestCertificates.certificate("CN=Plain").build(), grantedSince2016(List.of(ESIG), NO_QUALIFIERS)))
                    .isEqualTo(CERT_FOR_UNKNOWN);
        }

        @Test
        void qc_legislation_means_qualified_under_another_law_not_an_eu_qualified_certificate() {
            CertificateFacts foreign = TestCertificates.certificate("CN=Foreign").qcStatements(TestCertificates.qcWithLegislation("CH")).build();
            assertThat(atIssuance(foreign, grantedSince2016(List.of(ESIG), NO_QUALIFIERS))).isEqualTo(CERT_FOR_ESIG);
        }

        @Test
        void several_qc_types_leave_the_purpose_unknown() {
            assertThat(atIssuance(eidasCertificate(true, false, QcType.ESIGN, QcType.ESEAL), grantedSince2016(List.of(ESIG, ESEAL), NO_QUALIFIERS)))
                    .isEqualTo(QCERT_FOR_UNKNOWN);
        }
    }

    @Nested
    class EachQualifier {

        private final CertificateFacts esign = eidasCertificate(true, false, QcType.ESIGN);

        private CertificateQualification with(CertificateFacts certificate, List<String> asi, ServiceQualifiers... qualifiers) {
            return atIssuance(certificate, grantedSince2016(asi, List.of(everyCertificate(qualifiers))));
        }

        @Test
        void not_qualified_overrides_the_certificate() {
            assertThat(with(esign, List.of(ESIG), NOT_QUALIFIED)).isEqualTo(CERT_FOR_ESIG);
        }

        @Test
        void qc_statement_makes_a_certificate_without_compliance_qualified() {
            assertThat(with(eidasCertificate(false, false, QcType.ESIGN), List.of(ESIG), QC_STATEMENT)).isEqualTo(QCERT_FOR_ESIG);
            assertThat(with(eidasCertificate(false, false), List.of(ESIG), QC_STATEMENT)).isEqualTo(QCERT_FOR_UNKNOWN);
            assertThat(with(eidasCertificate(false, false), List.of(ESIG), QC_STATEMENT, QC_FOR_ESIG)).isEqualTo(QCERT_FOR_ESIG);
        }

        @Test
        void qc_statement_with_not_qualified_is_inconsistent_and_confirms_nothing() {
            assertThat(with(esign, List.of(ESIG), QC_STATEMENT, NOT_QUALIFIED)).isEqualTo(CERT_FOR_ESIG);
        }

        @Test
        void qscd_qualifiers_decide_the_qscd_status() {
            assertThat(with(esign, List.of(ESIG), QC_WITH_QSCD)).isEqualTo(QCERT_FOR_ESIG_QSCD);
            assertThat(with(eidasCertificate(true, true, QcType.ESIGN), List.of(ESIG), QC_NO_QSCD)).isEqualTo(QCERT_FOR_ESIG);
            assertThat(with(esign, List.of(ESIG), QC_QSCD_MANAGED_ON_BEHALF)).isEqualTo(QCERT_FOR_ESIG_QSCD);
            assertThat(with(esign, List.of(ESIG), QC_QSCD_STATUS_AS_IN_CERT)).isEqualTo(QCERT_FOR_ESIG);
            assertThat(with(eidasCertificate(true, true, QcType.ESIGN), List.of(ESIG), QC_QSCD_STATUS_AS_IN_CERT)).isEqualTo(QCERT_FOR_ESIG_QSCD);
        }

        @Test
        void contradicting_qscd_qualifiers_confirm_no_qscd() {
            assertThat(with(eidasCertificate(true, true, QcType.ESIGN), List.of(ESIG), QC_WITH_QSCD, QC_NO_QSCD)).isEqualTo(QCERT_FOR_ESIG);
            assertThat(with(eidasCertificate(true, true, QcType.ESIGN), List.of(ESIG), QC_QSCD_STATUS_AS_IN_CERT, QC_WITH_QSCD))
                    .isEqualTo(QCERT_FOR_ESIG);
        }

        @Test
        void sscd_qualifiers_alone_are_inconsistent_in_an_eidas_period() {
            assertThat(with(eidasCertificate(true, true, QcType.ESIGN), List.of(ESIG), QC_WITH_SSCD)).isEqualTo(QCERT_FOR_ESIG);
            assertThat(with(eidasCertificate(true, true, QcType.ESIGN), List.of(ESIG), QC_WITH_SSCD, QC_WITH_QSCD)).isEqualTo(QCERT_FOR_ESIG_QSCD);
        }

        @Test
        void a_single_type_qualifier_overrides_the_qc_type() {
            assertThat(with(esign, List.of(ESIG, ESEAL), QC_FOR_ESEAL)).isEqualTo(QCERT_FOR_ESEAL);
            assertThat(with(eidasCertificate(true, false, QcType.ESEAL), List.of(ESIG, ESEAL), QC_FOR_ESIG)).isEqualTo(QCERT_FOR_ESIG);
            assertThat(with(eidasCertificate(true, false), List.of(WEB), QC_FOR_WSA)).isEqualTo(QCERT_FOR_WSA);
        }

        @Test
        void a_type_qualifier_the_service_is_not_granted_for_is_inconsistent() {
            assertThat(with(esign, List.of(ESIG), QC_FOR_ESEAL)).isEqualTo(QCERT_FOR_UNKNOWN);
        }

        @Test
        void two_type_qualifiers_leave_the_purpose_unknown() {
            assertThat(with(eidasCertificate(true, true, QcType.ESIGN), List.of(ESIG, ESEAL), QC_FOR_ESIG, QC_FOR_ESEAL))
                    .isEqualTo(QCERT_FOR_UNKNOWN_QSCD);
        }

        @Test
        void legal_person_contradicts_esignatures() {
            // PRO-4.4.4-12: QCForLegalPerson is foreign to the eSignature dimension
            assertThat(with(esign, List.of(ESIG, ESEAL), QC_FOR_LEGAL_PERSON, QC_FOR_ESIG)).isEqualTo(CERT_FOR_ESIG);
            assertThat(with(esign, List.of(ESIG), QC_FOR_LEGAL_PERSON)).isEqualTo(CERT_FOR_ESIG);
            // a seal certificate for a legal person is consistent
            assertThat(with(eidasCertificate(true, false, QcType.ESEAL), List.of(ESEAL), QC_FOR_LEGAL_PERSON)).isEqualTo(QCERT_FOR_ESEAL);
        }

        @Test
        void a_qualifier_applies_only_to_the_certificates_its_criteria_select() {
            Qualification onlyQscdPolicy = TestServices.withPolicy("0.4.0.194112.1.2", NOT_QUALIFIED);
            assertThat(atIssuance(esign, grantedSince2016(List.of(ESIG), List.of(onlyQscdPolicy)))).isEqualTo(QCERT_FOR_ESIG);
            CertificateFacts withPolicy = TestCertificates.certificate("CN=P").qcStatements(TestCertificates.qc(true, false, QcType.ESIGN))
                    .policies(List.of("0.4.0.194112.1.2")).build();
            assertThat(atIssuance(withPolicy, grantedSince2016(List.of(ESIG), List.of(onlyQscdPolicy)))).isEqualTo(CERT_FOR_ESIG);
        }
    }

    @Nested
    class StatusOverTime {

        @Test
        void a_service_withdrawn_after_issuance_was_granted_at_issuance() {
            TrustedService service = service(period(GRANTED, "2016-06-30T22:00:00Z", List.of(ESIG), NO_QUALIFIERS),
                    period(WITHDRAWN, "2019-01-01T00:00:00Z", List.of(ESIG), NO_QUALIFIERS));
            CertificateFacts certificate = eidasCertificate(true, true, QcType.ESIGN);
            assertThat(atIssuance(certificate, service)).isEqualTo(QCERT_FOR_ESIG_QSCD);
            assertThat(atValidation(certificate, service)).isEqualTo(CERT_FOR_ESIG);
        }

        @Test
        void a_service_granted_only_after_issuance_confirms_nothing_at_issuance() {
            TrustedService service = service(period(GRANTED, "2019-01-01T00:00:00Z", List.of(ESIG), NO_QUALIFIERS));
            CertificateFacts certificate = eidasCertificate(true, true, QcType.ESIGN);
            QualificationOutcome issuance = QualificationCalculator.at(certificate, List.of(listed(service)), certificate.notBefore(), "issuance");
            assertThat(issuance.qualification()).isEqualTo(CERT_FOR_ESIG);
            assertThat(issuance.trace()).anyMatch(line -> line.contains("not yet listed"));
            assertThat(atValidation(certificate, service)).isEqualTo(QCERT_FOR_ESIG_QSCD);
        }

        @Test
        void pre_2016_statuses_that_mean_granted_confirm_a_directive_certificate() {
            for (var status : List.of(UNDER_SUPERVISION, ACCREDITED, SUPERVISION_IN_CESSATION)) {
                TrustedService service = service(period(status, "2010-01-01T00:00:00Z", List.of(), NO_QUALIFIERS),
                        period(GRANTED, "2016-06-30T22:00:00Z", List.of(ESIG), NO_QUALIFIERS));
                assertThat(atIssuance(directiveCertificate(true, true), service)).as(status.name()).isEqualTo(QCERT_FOR_ESIG_QSCD);
                assertThat(atIssuance(directiveCertificate(true, false), service)).as(status.name()).isEqualTo(QCERT_FOR_ESIG);
            }
        }

        @Test
        void pre_2016_statuses_that_mean_withdrawn_or_national_do_not() {
            for (var status : List.of(SUPERVISION_CEASED, SET_BY_NATIONAL_LAW)) {
                TrustedService service = service(period(status, "2010-01-01T00:00:00Z", List.of(), NO_QUALIFIERS));
                assertThat(atIssuance(directiveCertificate(true, true), service)).as(status.name()).isEqualTo(CERT_FOR_ESIG);
            }
        }

        @Test
        void sscd_qualifiers_of_a_directive_period() {
            Qualification withSscd = everyCertificate(QC_WITH_SSCD);
            Qualification noSscd = everyCertificate(QC_NO_SSCD);
            Qualification asInCert = everyCertificate(QC_SSCD_STATUS_AS_IN_CERT);
            assertThat(atIssuance(directiveCertificate(true, false), service(period(ACCREDITED, "2010-01-01T00:00:00Z", List.of(), List.of(withSscd)))))
                    .isEqualTo(QCERT_FOR_ESIG_QSCD);
            assertThat(atIssuance(directiveCertificate(true, true), service(period(ACCREDITED, "2010-01-01T00:00:00Z", List.of(), List.of(noSscd)))))
                    .isEqualTo(QCERT_FOR_ESIG);
            assertThat(atIssuance(directiveCertificate(true, true), service(period(ACCREDITED, "2010-01-01T00:00:00Z", List.of(), List.of(asInCert)))))
                    .isEqualTo(QCERT_FOR_ESIG_QSCD);
        }

        @Test
        void qcp_plus_policy_claims_qualified_and_sscd_under_the_directive() {
            CertificateFacts qcpPlus = TestCertificates.certificate("CN=QCP+")
                    .validity(Instant.parse("2014-03-01T00:00:00Z"), Instant.parse("2017-03-01T00:00:00Z"))
                    .policies(List.of(CertificateContent.QCP_PLUS)).build();
            assertThat(atIssuance(qcpPlus, service(period(ACCREDITED, "2010-01-01T00:00:00Z", List.of(), NO_QUALIFIERS))))
                    .isEqualTo(QCERT_FOR_ESIG_QSCD);
        }

        @Test
        void a_directive_certificate_judged_under_eidas_needs_a_service_granted_for_esignatures() {
            TrustedService sealsOnly = service(period(ACCREDITED, "2010-01-01T00:00:00Z", List.of(), NO_QUALIFIERS),
                    period(GRANTED, "2016-06-30T22:00:00Z", List.of(ESEAL), NO_QUALIFIERS));
            assertThat(atIssuance(directiveCertificate(true, true), sealsOnly)).isEqualTo(QCERT_FOR_ESIG_QSCD);
            assertThat(atValidation(directiveCertificate(true, true), sealsOnly)).isEqualTo(CERT_FOR_ESIG);
        }
    }

    @Nested
    class WhichServices {

        @Test
        void only_ca_qc_services_confirm_qualified_certificates() {
            TrustedService pkc = service(period(ServiceTypes.CA_PKC, GRANTED, "2016-06-30T22:00:00Z", List.of(ESIG), NO_QUALIFIERS));
            assertThat(atIssuance(eidasCertificate(true, true, QcType.ESIGN), pkc)).isEqualTo(CERT_FOR_ESIG);
        }

        @Test
        void ca_qc_services_that_disagree_give_na() {
            TrustedService granted = grantedSince2016(List.of(ESIG), NO_QUALIFIERS);
            TrustedService withdrawn = service(period(WITHDRAWN, "2016-06-30T22:00:00Z", List.of(ESIG), NO_QUALIFIERS));
            assertThat(atIssuance(eidasCertificate(true, true, QcType.ESIGN), granted, withdrawn)).isEqualTo(NA);
            assertThat(atIssuance(eidasCertificate(true, true, QcType.ESIGN), granted, grantedSince2016(List.of(ESIG), NO_QUALIFIERS)))
                    .isEqualTo(QCERT_FOR_ESIG_QSCD);
        }

        /** Issue 14.2: purpose before conflict (TS 119 615 §4.4; the IE TrustPro QCP-n / QCP-l pair of the 2019 lists). */
        @Test
        void services_not_granted_for_the_certificates_purpose_are_left_out_before_the_conflict_rule() {
            TrustedService forSignatures = grantedSince2016(List.of(ESIG), NO_QUALIFIERS);
            TrustedService forSeals = grantedSince2016(List.of(ESEAL), NO_QUALIFIERS);
            QualificationOutcome seal = QualificationCalculator.at(eidasCertificate(true, true, QcType.ESEAL),
                    listedAll(forSignatures, forSeals), VALIDATION, "validation time");

            assertThat(seal.qualification()).isEqualTo(QCERT_FOR_ESEAL_QSCD);
            assertThat(seal.trace()).anyMatch(line -> line.contains("1 of 2 CA/QC services") && line.contains("left out before the conflict rule"));
            assertThat(atIssuance(eidasCertificate(true, false, QcType.ESIGN), forSignatures, forSeals)).isEqualTo(QCERT_FOR_ESIG);
            assertThat(atIssuance(eidasCertificate(true, false), forSeals, forSignatures)).isEqualTo(QCERT_FOR_ESIG);
        }

        @Test
        void the_purpose_filter_never_hides_a_contradiction_among_the_services_granted_for_it() {
            TrustedService forSeals = grantedSince2016(List.of(ESEAL), NO_QUALIFIERS);
            TrustedService notQualifiedSeals = grantedSince2016(List.of(ESEAL), List.of(everyCertificate(NOT_QUALIFIED)));
            TrustedService forSignatures = grantedSince2016(List.of(ESIG), NO_QUALIFIERS);

            assertThat(atIssuance(eidasCertificate(true, true, QcType.ESEAL), forSignatures, forSeals, notQualifiedSeals)).isEqualTo(NA);
            // none granted for web authentication: nothing is left out, and they agree the certificate is not qualified for it
            assertThat(atIssuance(eidasCertificate(true, false, QcType.WEB), forSignatures, forSeals)).isEqualTo(CERT_FOR_WSA);
        }

        /** Issue 14.3: "granted" before 2016-07-01 confirms nothing (Regulation (EU) No 910/2014 Art. 52(2); TS 119 615 PRO-4.4.4-33 f). */
        @Test
        void a_granted_status_confirms_no_qualified_certificate_before_the_regulation_applied() {
            CertificateFacts old = directiveCertificate(true, true);
            TrustedService grantedSince2013 = service(period(GRANTED, "2013-01-01T00:00:00Z", List.of(ESIG), NO_QUALIFIERS));
            TrustedService accreditedThenGranted = service(period(ACCREDITED, "2013-01-01T00:00:00Z", List.of(), NO_QUALIFIERS),
                    period(GRANTED, "2016-06-30T22:00:00Z", List.of(ESIG), NO_QUALIFIERS));

            QualificationOutcome early = QualificationCalculator.at(old, listedAll(grantedSince2013), old.notBefore(), "issuance");
            assertThat(early.qualification()).isEqualTo(CERT_FOR_ESIG);
            assertThat(early.trace()).anyMatch(line -> line.contains("before the Regulation applied"));
            assertThat(atIssuance(old, accreditedThenGranted)).isEqualTo(QCERT_FOR_ESIG_QSCD);
            // from 2016-07-01 the same period's granted status is read as the list states it
            assertThat(QualificationCalculator.at(old, listedAll(grantedSince2013), Instant.parse("2016-07-01T00:00:00Z"), "validation time")
                    .qualification()).isEqualTo(QCERT_FOR_ESIG_QSCD);
        }

        @Test
        void a_critical_extension_the_reader_does_not_understand_confirms_nothing() {
            var entry = new org.qtrust.core.trustedlist.StatusHistory.Entry(org.qtrust.core.trustedlist.ServiceStatus.of(GRANTED),
                    Instant.parse("2016-06-30T22:00:00Z"), ServiceTypes.CA_QC, org.qtrust.core.trustedlist.MultilingualText.english("CA"),
                    new org.qtrust.core.trustedlist.ServiceInformationExtensions(List.of(), List.of(ESIG), Optional.empty(),
                            List.of("ExtensionOID 1.2.3")));
            assertThat(atIssuance(eidasCertificate(true, true, QcType.ESIGN), service(entry))).isEqualTo(CERT_FOR_ESIG);
        }

        @Test
        void a_list_that_cannot_be_relied_on_says_nothing() {
            ListedService rejected = new ListedService(ListedService.Standing.REJECTED_LIST, "BE", "TSP",
                    Optional.of(grantedSince2016(List.of(ESIG), NO_QUALIFIERS)), Optional.empty(), Optional.of("signature_invalid"), 0);
            assertThat(QualificationCalculator.at(eidasCertificate(true, true, QcType.ESIGN), List.of(rejected), VALIDATION, "validation time")
                    .qualification()).isEqualTo(NA);
        }
    }
}

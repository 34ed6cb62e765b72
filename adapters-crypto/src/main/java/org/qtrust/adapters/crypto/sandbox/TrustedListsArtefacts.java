package org.qtrust.adapters.crypto.sandbox;

import static org.qtrust.adapters.crypto.listwriter.TrustedListWriter.ACCREDITATION_CEASED;
import static org.qtrust.adapters.crypto.listwriter.TrustedListWriter.ACCREDITED;
import static org.qtrust.adapters.crypto.listwriter.TrustedListWriter.CA_PKC;
import static org.qtrust.adapters.crypto.listwriter.TrustedListWriter.CA_QC;
import static org.qtrust.adapters.crypto.listwriter.TrustedListWriter.EAA_Q;
import static org.qtrust.adapters.crypto.listwriter.TrustedListWriter.FOR_ESEALS;
import static org.qtrust.adapters.crypto.listwriter.TrustedListWriter.FOR_ESIGNATURES;
import static org.qtrust.adapters.crypto.listwriter.TrustedListWriter.FOR_WEB_SITE_AUTHENTICATION;
import static org.qtrust.adapters.crypto.listwriter.TrustedListWriter.GRANTED;
import static org.qtrust.adapters.crypto.listwriter.TrustedListWriter.OCSP_QC;
import static org.qtrust.adapters.crypto.listwriter.TrustedListWriter.QC_WITH_QSCD;
import static org.qtrust.adapters.crypto.listwriter.TrustedListWriter.RECOGNISED_AT_NATIONAL_LEVEL;
import static org.qtrust.adapters.crypto.listwriter.TrustedListWriter.UNDER_SUPERVISION;
import static org.qtrust.adapters.crypto.listwriter.TrustedListWriter.WITHDRAWN;

import java.time.Instant;
import java.util.Arrays;
import java.time.temporal.ChronoUnit;
import org.qtrust.adapters.crypto.listwriter.TrustedListWriter;
import org.qtrust.adapters.crypto.pki.KeyAndCertificate;
import org.qtrust.adapters.crypto.xades.XadesListSigner;

/**
 * The Official Journal keystore, a pivot LOTL signed by the OJ certificate, the LOTL signed by
 * the certificate the pivot announces, and three national lists: XA and XB signed by the
 * certificates the LOTL announces, XC signed by another key of the same name (refused).
 */
final class TrustedListsArtefacts implements ArtefactGenerator {

    static final Instant STATUS_2016 = Instant.parse("2016-07-01T00:00:00Z");
    static final Instant WITHDRAWAL = Instant.parse("2025-06-01T00:00:00Z");
    /** The sandbox is meant for CI runs for years: its lists stay current for ten years. */
    static final Instant NEXT_UPDATE = SandboxLayout.BASE.plus(3652, ChronoUnit.DAYS);
    /** A TS 119 612 policy OID for qualified certificates on a QSCD (QCP-n-qscd), used by the Sie:Q qualifier. */
    static final String QCP_N_QSCD = "0.4.0.194112.1.2";

    @Override
    public void generate(SandboxPki pki, SandboxOutput output) {
        String base = pki.settings().baseUrl() + "/" + SandboxLayout.LISTS + "/";
        output.write(SandboxLayout.OJ_KEYSTORE, TrustedCertificateKeystore.of("sandbox-oj-2020", pki.officialJournal().certificate(),
                SandboxLayout.OJ_PASSWORD.toCharArray(), Arrays.copyOf(pki.secret("oj-keystore-mac-salt"), 16)));

        String pivot = TrustedListWriter.lotl().sequenceNumber(1).issued(SandboxLayout.BASE.minus(365, ChronoUnit.DAYS))
                .nextUpdate(NEXT_UPDATE).distributionPoint(base + SandboxLayout.PIVOT_FILE)
                .schemeInformationUri(SandboxLayout.OJ_URL)
                .pointer("EU", base + SandboxLayout.LOTL_FILE, pki.lotlSigner().certificate())
                .build();
        writeSigned(output, SandboxLayout.PIVOT_FILE, pivot, pki.officialJournal());

        String lotl = TrustedListWriter.lotl().sequenceNumber(2).issued(SandboxLayout.BASE).nextUpdate(NEXT_UPDATE)
                .distributionPoint(base + SandboxLayout.LOTL_FILE)
                .schemeInformationUri(base + SandboxLayout.PIVOT_FILE)
                .schemeInformationUri(SandboxLayout.OJ_URL)
                .pointer("EU", base + SandboxLayout.LOTL_FILE, pki.lotlSigner().certificate())
                .pointer("XA", base + "XA.xml", pki.listSignerA().certificate())
                .pointer("XB", base + "XB.xml", pki.listSignerB().certificate())
                .pointer("XC", base + "XC.xml", pki.listSignerC().certificate())
                .build();
        writeSigned(output, SandboxLayout.LOTL_FILE, lotl, pki.lotlSigner());
        writeSigned(output, "XA.xml", listA(pki, base), pki.listSignerA());
        writeSigned(output, "XB.xml", listB(pki, base), pki.listSignerB());
        writeSigned(output, "XC.xml", listC(pki, base), pki.rogueListSignerC());

        declare(output, SandboxLayout.LOTL_FILE, "ok",
                "the LOTL (seq 2), signed by the certificate announced by the pivot, which the Official Journal certificate signs");
        declare(output, SandboxLayout.PIVOT_FILE, "ok", "the pivot LOTL (seq 1), signed by the Official Journal certificate");
        declare(output, "XA.xml", "ok", "national list XA: CA/QC hierarchy, OCSP/QC, a CA/QC withdrawn in 2025, pre-2016 history");
        declare(output, "XB.xml", "ok", "national list XB: CA/QC for eSeals, CA/PKC, EAA/Q");
        declare(output, "XC.xml", "signer_not_trusted",
                "national list XC, signed by a key with the announced signer's name but not its key");
    }

    private static String listA(SandboxPki pki, String base) {
        return nationalList("XA", base)
                .provider(TrustedListWriter.provider("Sandbox Qualified Trust Services A")
                        .service(TrustedListWriter.service("Sandbox Root CA A", CA_QC, pki.rootCaA().certificate())
                                .status(GRANTED, STATUS_2016)
                                .additionalInformation(FOR_ESIGNATURES)
                                .additionalInformation(FOR_ESEALS)
                                .additionalInformation(FOR_WEB_SITE_AUTHENTICATION)
                                .qualifier(QC_WITH_QSCD, QCP_N_QSCD)
                                .history(ACCREDITED, SandboxPki.Y2015))
                        .service(TrustedListWriter.service("Sandbox OCSP A", OCSP_QC, pki.ocspResponderA().certificate())
                                .status(GRANTED, STATUS_2016)))
                .provider(TrustedListWriter.provider("Sandbox Legacy Trust A")
                        .service(TrustedListWriter.service("Sandbox Legacy QC CA", CA_QC, pki.legacyCaA().certificate())
                                .status(WITHDRAWN, WITHDRAWAL)
                                .additionalInformation(FOR_ESIGNATURES)
                                .history(GRANTED, STATUS_2016)
                                .history(ACCREDITED, SandboxPki.Y2010)))
                .build();
    }

    private static String listB(SandboxPki pki, String base) {
        return nationalList("XB", base)
                .provider(TrustedListWriter.provider("Sandbox Trust B")
                        .service(TrustedListWriter.service("Sandbox Seal CA B", CA_QC, pki.sealCaB().certificate())
                                .status(GRANTED, STATUS_2016)
                                .additionalInformation(FOR_ESEALS)
                                .history(UNDER_SUPERVISION, SandboxPki.Y2015))
                        .service(TrustedListWriter.service("Sandbox National CA B", CA_PKC, pki.nationalCaB().certificate())
                                .status(RECOGNISED_AT_NATIONAL_LEVEL, STATUS_2016))
                        .service(TrustedListWriter.service("Sandbox Attestation Issuer B", EAA_Q,
                                        pki.attestationIssuerB().certificate())
                                .status(GRANTED, SandboxPki.Y2025)))
                .build();
    }

    private static String listC(SandboxPki pki, String base) {
        return nationalList("XC", base)
                .provider(TrustedListWriter.provider("Sandbox Trust C")
                        .service(TrustedListWriter.service("Sandbox CA C", CA_QC, pki.caC().certificate())
                                .status(GRANTED, STATUS_2016)
                                .additionalInformation(FOR_ESIGNATURES)
                                .history(ACCREDITATION_CEASED, SandboxPki.Y2015)))
                .build();
    }

    private static TrustedListWriter.TrustedListBuilder nationalList(String territory, String base) {
        return TrustedListWriter.trustedList(territory).issued(SandboxLayout.BASE).nextUpdate(NEXT_UPDATE)
                .distributionPoint(base + territory + ".xml");
    }

    private static void writeSigned(SandboxOutput output, String fileName, String xml, KeyAndCertificate signer) {
        output.write(SandboxLayout.LISTS + "/" + fileName,
                XadesListSigner.with(signer).signingTime(SandboxLayout.BASE).sign(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static void declare(SandboxOutput output, String fileName, String code, String description) {
        output.declare(new SandboxArtefact(SandboxLayout.LISTS + "/" + fileName, SandboxArtefact.Kind.LIST,
                SandboxLayout.listsLoad(), 0, code, SandboxArtefact.TrustSource.TL, description));
    }
}

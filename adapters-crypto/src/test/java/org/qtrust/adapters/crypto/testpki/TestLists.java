package org.qtrust.adapters.crypto.testpki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import org.qtrust.adapters.crypto.listwriter.TrustedListWriter;

/**
 * Minimal, schema-shaped ETSI TS 119 612 (v5) documents for tests, unsigned: sign them with
 * {@link TestListSigner}. A thin front of the product's {@link TrustedListWriter}. Two kinds:
 *
 * <pre>{@code
 * String lotl = TestLists.lotl()
 *         .sequenceNumber(7).issued(t).nextUpdate(t.plus(180, DAYS))
 *         .pointer("BE", "https://lists.test/BE.xml", beSigner.certificate())
 *         .build();
 * String be = TestLists.trustedList("BE")
 *         .service(TestLists.service("Test QC CA", TestLists.CA_QC, ca.certificate())
 *                 .status(TestLists.GRANTED, Instant.parse("2020-01-01T00:00:00Z"))
 *                 .history(TestLists.WITHDRAWN, Instant.parse("2019-01-01T00:00:00Z")))
 *         .build();
 * }</pre>
 */
public final class TestLists {

    public static final String NAMESPACE = TrustedListWriter.NAMESPACE;
    public static final String ADDITIONAL_TYPES = TrustedListWriter.ADDITIONAL_TYPES;

    public static final String TSL_TYPE_LOTL = TrustedListWriter.TSL_TYPE_LOTL;
    public static final String TSL_TYPE_GENERIC = TrustedListWriter.TSL_TYPE_GENERIC;

    public static final String CA_QC = TrustedListWriter.CA_QC;
    public static final String CA_PKC = TrustedListWriter.CA_PKC;
    public static final String TSA_QTST = TrustedListWriter.TSA_QTST;
    public static final String OCSP_QC = TrustedListWriter.OCSP_QC;

    public static final String GRANTED = TrustedListWriter.GRANTED;
    public static final String WITHDRAWN = TrustedListWriter.WITHDRAWN;
    public static final String RECOGNISED_AT_NATIONAL_LEVEL = TrustedListWriter.RECOGNISED_AT_NATIONAL_LEVEL;
    public static final String DEPRECATED_AT_NATIONAL_LEVEL = TrustedListWriter.DEPRECATED_AT_NATIONAL_LEVEL;
    /** Pre-2016 (TS 119 612 v1) statuses, for history entries. */
    public static final String UNDER_SUPERVISION = TrustedListWriter.UNDER_SUPERVISION;
    public static final String ACCREDITED = TrustedListWriter.ACCREDITED;

    public static final Instant DEFAULT_ISSUED = TrustedListWriter.DEFAULT_ISSUED;
    public static final Instant DEFAULT_NEXT_UPDATE = TrustedListWriter.DEFAULT_NEXT_UPDATE;

    private TestLists() {
    }

    public static LotlBuilder lotl() {
        return new LotlBuilder(TrustedListWriter.lotl());
    }

    public static TrustedListBuilder trustedList(String territory) {
        return new TrustedListBuilder(TrustedListWriter.trustedList(territory));
    }

    public static ServiceBuilder service(String name, String typeUri, X509Certificate certificate) {
        return new ServiceBuilder(TrustedListWriter.service(name, typeUri, certificate));
    }

    /** The list of trusted lists: scheme information with pointers to the national lists (and to itself). */
    public static final class LotlBuilder {
        private final TrustedListWriter.LotlBuilder lotl;

        private LotlBuilder(TrustedListWriter.LotlBuilder lotl) {
            this.lotl = lotl;
        }

        public LotlBuilder sequenceNumber(int number) {
            lotl.sequenceNumber(number);
            return this;
        }

        public LotlBuilder issued(Instant time) {
            lotl.issued(time);
            return this;
        }

        public LotlBuilder nextUpdate(Instant time) {
            lotl.nextUpdate(time);
            return this;
        }

        /** A SchemeInformationURI entry, e.g. the OJ notice or a pivot LOTL's address. */
        public LotlBuilder schemeInformationUri(String uri) {
            lotl.schemeInformationUri(uri);
            return this;
        }

        /** An XML pointer to the list of {@code territory} at {@code location}, announcing its signing certificates. */
        public LotlBuilder pointer(String territory, String location, X509Certificate... signers) {
            lotl.pointer(territory, location, signers);
            return this;
        }

        public String build() {
            return lotl.build();
        }
    }

    /** A national trusted list with one trust service provider. */
    public static final class TrustedListBuilder {
        private final TrustedListWriter.TrustedListBuilder list;

        private TrustedListBuilder(TrustedListWriter.TrustedListBuilder list) {
            this.list = list;
        }

        public TrustedListBuilder sequenceNumber(int number) {
            list.sequenceNumber(number);
            return this;
        }

        public TrustedListBuilder issued(Instant time) {
            list.issued(time);
            return this;
        }

        public TrustedListBuilder nextUpdate(Instant time) {
            list.nextUpdate(time);
            return this;
        }

        public TrustedListBuilder provider(String name) {
            list.provider(name);
            return this;
        }

        public TrustedListBuilder service(ServiceBuilder service) {
            list.service(service.service);
            return this;
        }

        public String build() {
            return list.build();
        }
    }

    /** One TSPService: current ServiceInformation plus ServiceHistory entries, newest first as lists put them. */
    public static final class ServiceBuilder {
        private final TrustedListWriter.ServiceBuilder service;

        private ServiceBuilder(TrustedListWriter.ServiceBuilder service) {
            this.service = service;
        }

        public ServiceBuilder status(String statusUri, Instant startingTime) {
            service.status(statusUri, startingTime);
            return this;
        }

        /** An AdditionalServiceInformation URI, e.g. ".../SvcInfoExt/ForeSignatures". */
        public ServiceBuilder additionalInformation(String uri) {
            service.additionalInformation(uri);
            return this;
        }

        /** A ServiceHistoryInstance: the status that applied from {@code startingTime} until the next one. */
        public ServiceBuilder history(String statusUri, Instant startingTime) {
            service.history(statusUri, startingTime);
            return this;
        }
    }
}

package org.qtrust.adapters.crypto.testpki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import org.qtrust.adapters.crypto.lotewriter.LoteWriter;

/**
 * Lists of trusted entities (ETSI TS 119 602) for tests, in JSON (signed as a compact JWS) and
 * XML (signed with XAdES by {@link TestListSigner}): a thin layer over the main
 * {@link LoteWriter} that signs with test {@link Credential}s.
 *
 * <pre>{@code
 * String jws = TestLotes.pidProviders().sequenceNumber(3)
 *         .entity("PID Provider A", TestLotes.service("PID issuance", TestLotes.PID_ISSUANCE, signer.certificate()))
 *         .signedJson(operator);
 * }</pre>
 */
public final class TestLotes {

    public static final String NAMESPACE = LoteWriter.NAMESPACE;
    public static final String EU_PID_PROVIDERS_LIST = LoteWriter.EU_PID_PROVIDERS_LIST;
    public static final String EU_PUB_EAA_PROVIDERS_LIST = LoteWriter.EU_PUB_EAA_PROVIDERS_LIST;
    public static final String PID_ISSUANCE = LoteWriter.PID_ISSUANCE;
    public static final String PID_REVOCATION = LoteWriter.PID_REVOCATION;
    public static final String PUB_EAA_ISSUANCE = LoteWriter.PUB_EAA_ISSUANCE;
    public static final String NOTIFIED = LoteWriter.NOTIFIED;
    public static final String WITHDRAWN = LoteWriter.WITHDRAWN;

    public static final Instant DEFAULT_ISSUED = LoteWriter.DEFAULT_ISSUED;
    public static final Instant DEFAULT_NEXT_UPDATE = LoteWriter.DEFAULT_NEXT_UPDATE;

    private TestLotes() {
    }

    public static LoteBuilder pidProviders() {
        return new LoteBuilder(LoteWriter.pidProviders());
    }

    public static LoteBuilder pubEaaProviders() {
        return new LoteBuilder(LoteWriter.pubEaaProviders());
    }

    public static ServiceBuilder service(String name, String typeUri, X509Certificate certificate) {
        return new ServiceBuilder(LoteWriter.service(name, typeUri, certificate));
    }

    public static String signJws(String json, Credential signer) {
        return LoteWriter.signJws(json, signer.privateKey(), signer.certificate());
    }

    /** One list; each setter returns this builder. */
    public static final class LoteBuilder {
        private final LoteWriter.LoteBuilder list;

        private LoteBuilder(LoteWriter.LoteBuilder list) {
            this.list = list;
        }

        public LoteBuilder type(String uri) {
            list.type(uri);
            return this;
        }

        public LoteBuilder sequenceNumber(int number) {
            list.sequenceNumber(number);
            return this;
        }

        public LoteBuilder issued(Instant time) {
            list.issued(time);
            return this;
        }

        public LoteBuilder nextUpdate(Instant time) {
            list.nextUpdate(time);
            return this;
        }

        public LoteBuilder territory(String code) {
            list.territory(code);
            return this;
        }

        public LoteBuilder operator(String name) {
            list.operator(name);
            return this;
        }

        public LoteBuilder pointer(String location, String loteType, X509Certificate signer) {
            list.pointer(location, loteType, signer);
            return this;
        }

        public LoteBuilder entity(String name, ServiceBuilder... services) {
            list.entity(name, Arrays.stream(services).map(s -> s.service).toArray(LoteWriter.ServiceBuilder[]::new));
            return this;
        }

        public String json() {
            return list.json();
        }

        public String signedJson(Credential signer) {
            return list.signedJson(signer.privateKey(), signer.certificate());
        }

        public String xml() {
            return list.xml();
        }

        public String signedXml(Credential signer) {
            return TestListSigner.with(signer).sign(xml());
        }

        public byte[] bytes(String document) {
            return list.bytes(document);
        }
    }

    /** One TE service. */
    public static final class ServiceBuilder {
        private final LoteWriter.ServiceBuilder service;

        private ServiceBuilder(LoteWriter.ServiceBuilder service) {
            this.service = service;
        }

        public ServiceBuilder status(String uri, Instant start) {
            service.status(uri, start);
            return this;
        }

        public ServiceBuilder history(String uri, Instant start) {
            service.history(uri, start);
            return this;
        }
    }
}

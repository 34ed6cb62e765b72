package org.qtrust.adapters.xml;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.qtrust.core.trustedlist.DigitalIdentity;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.TrustedService;
import org.qtrust.core.trustedlist.port.MalformedListException;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ServiceDigitalIdentity (TS 119 612 §5.5.3): certificate, subject name, SKI and key value all
 * denote one key. A history instance whose identity denotes another key (a rollover) is kept
 * as a historic identity; one that denotes the current key is not.
 */
class DigitalIdentityTest {

    private static final X509Certificate CERTIFICATE =
            ServiceCertificate.fromDer(Base64.getDecoder().decode(ListXml.CERTIFICATE)).toX509();

    @Test
    @DisplayName("a current identity holds the certificate, decoded and re-encoded byte for byte")
    void certificate() throws MalformedListException {
        DigitalIdentity identity = ListXml.minimal().read().providers().get(0).services().get(0).identity();

        assertThat(identity.certificates()).singleElement()
                .satisfies(c -> assertThat(c.der()).isEqualTo(Base64.getDecoder().decode(ListXml.CERTIFICATE)));
        assertThat(identity.subjectNames()).isEmpty();
        assertThat(identity.subjectKeyIdentifiers()).isEmpty();
        assertThat(identity.keyValues()).isEmpty();
    }

    @Test
    @DisplayName("base64 with line breaks and indentation is read (xsd:base64Binary allows whitespace)")
    void wrapped_base64() throws MalformedListException {
        String wrapped = String.join("\n            ", ListXml.CERTIFICATE.split("(?<=\\G.{64})"));

        DigitalIdentity identity = ListXml.minimal().replace(ListXml.CERTIFICATE, "\n  " + wrapped + "\r\n\t").read()
                .providers().get(0).services().get(0).identity();

        assertThat(identity.certificates()).singleElement().satisfies(c -> assertThat(c.sameAs(CERTIFICATE)).isTrue());
    }

    @Test
    @DisplayName("X509SubjectName and X509SKI of a history instance are read (CZ)")
    void history_identity_of_a_real_list() throws MalformedListException {
        TrustedList cz = SharedTrustData.read("lotl-snapshot/CZ.xml");
        TrustedService ica1 = cz.providers().get(0).services().get(0);

        assertThat(ica1.name().preferred()).isEqualTo("(1) I.CA - issuing qualified certificates");
        assertThat(ica1.history().periods()).hasSize(2);
        // its history instance gives X509SubjectName and X509SKI K1oKfvvl...; that SKI is the current
        // certificate's key identifier, so the instance names the current key: no historic identity
        X509Certificate current = ica1.identity().certificates().get(0).toX509();
        assertThat(skiOf(current)).isEqualTo(Base64.getDecoder().decode("K1oKfvvlDYUsZTByvGN701mca/U="));
        assertThat(ica1.historicIdentities()).isEmpty();
    }

    @Test
    @DisplayName("a history instance naming another key is a historic identity; one naming the current key is not")
    void historic_identities() throws MalformedListException {
        byte[] currentSki = skiOf(CERTIFICATE);
        String otherSki = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20});
        TrustedService service = ListXml.minimal().replace(ListXml.HISTORY, "<tsl:ServiceHistory>"
                + instance("2018-01-01T00:00:00Z", "<tsl:DigitalId><tsl:X509SubjectName>CN=Same key</tsl:X509SubjectName></tsl:DigitalId>"
                        + "<tsl:DigitalId><tsl:X509SKI>" + Base64.getEncoder().encodeToString(currentSki) + "</tsl:X509SKI></tsl:DigitalId>")
                + instance("2016-01-01T00:00:00Z", "<tsl:DigitalId><tsl:X509SubjectName>CN=Old key</tsl:X509SubjectName></tsl:DigitalId>"
                        + "<tsl:DigitalId><tsl:X509SKI>" + otherSki + "</tsl:X509SKI></tsl:DigitalId>")
                + instance("2014-01-01T00:00:00Z", "<tsl:DigitalId><tsl:X509SKI>" + otherSki + "</tsl:X509SKI></tsl:DigitalId>"
                        + "<tsl:DigitalId><tsl:X509SubjectName>CN=Old key</tsl:X509SubjectName></tsl:DigitalId>")
                + instance("2012-01-01T00:00:00Z", "<tsl:DigitalId><tsl:X509SubjectName>CN=Only a name</tsl:X509SubjectName></tsl:DigitalId>")
                + "</tsl:ServiceHistory>").read().providers().get(0).services().get(0);

        assertThat(service.history().periods()).hasSize(5);
        assertThat(service.historicIdentities()).singleElement().satisfies(old -> {
            assertThat(old.subjectNames()).containsExactly("CN=Old key");
            assertThat(old.subjectKeyIdentifiers()).singleElement().isEqualTo(Base64.getDecoder().decode(otherSki));
            assertThat(old.certificates()).isEmpty();
        });
    }

    @Test
    @DisplayName("an RSA KeyValue is read as the SubjectPublicKeyInfo of that key")
    void rsa_key_value() throws MalformedListException {
        RSAPublicKey key = (RSAPublicKey) CERTIFICATE.getPublicKey();
        String keyValue = "<tsl:DigitalId><ds:KeyValue><ds:RSAKeyValue>"
                + "<ds:Modulus>" + base64(key.getModulus()) + "</ds:Modulus>"
                + "<ds:Exponent>" + base64(key.getPublicExponent()) + "</ds:Exponent>"
                + "</ds:RSAKeyValue></ds:KeyValue></tsl:DigitalId>";

        DigitalIdentity identity = ListXml.minimal()
                .replace("<tsl:DigitalId><tsl:X509Certificate>", keyValue + "<tsl:DigitalId><tsl:X509Certificate>")
                .read().providers().get(0).services().get(0).identity();

        assertThat(identity.keyValues()).singleElement().isEqualTo(key.getEncoded());
        assertThat(identity.certificates()).hasSize(1);
    }

    @Test
    @DisplayName("an EC KeyValue with a named curve is read as the SubjectPublicKeyInfo of that key")
    void ec_key_value() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.interfaces.ECPublicKey key = (java.security.interfaces.ECPublicKey) generator.generateKeyPair().getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        copyUnsigned(key.getW().getAffineX(), point, 1, 32);
        copyUnsigned(key.getW().getAffineY(), point, 33, 32);
        String keyValue = "<tsl:DigitalId><ds:KeyValue><dsig11:ECKeyValue xmlns:dsig11=\"http://www.w3.org/2009/xmldsig11#\">"
                + "<dsig11:NamedCurve URI=\"urn:oid:1.2.840.10045.3.1.7\"/>"
                + "<dsig11:PublicKey>" + Base64.getEncoder().encodeToString(point) + "</dsig11:PublicKey>"
                + "</dsig11:ECKeyValue></ds:KeyValue></tsl:DigitalId>";

        DigitalIdentity identity = ListXml.minimal()
                .replace("<tsl:DigitalId><tsl:X509Certificate>", keyValue + "<tsl:DigitalId><tsl:X509Certificate>")
                .read().providers().get(0).services().get(0).identity();

        assertThat(identity.keyValues()).singleElement().isEqualTo(key.getEncoded());
    }

    @Test
    @DisplayName("an identity of only Other elements is no identity")
    void other_only() throws MalformedListException {
        DigitalIdentity identity = ListXml.minimal()
                .replace("<tsl:DigitalId><tsl:X509Certificate>" + ListXml.CERTIFICATE + "</tsl:X509Certificate></tsl:DigitalId>",
                        "<tsl:DigitalId><tsl:Other>https://example.test/about</tsl:Other></tsl:DigitalId>")
                .read().providers().get(0).services().get(0).identity();

        assertThat(identity).isSameAs(DigitalIdentity.NONE);
    }

    @Test
    @DisplayName("the same certificate is one shared instance across the services and pointers of a list")
    void certificates_are_shared_within_a_list() throws MalformedListException {
        TrustedList lotl = SharedTrustData.read("lotl-snapshot/EU.xml");
        List<ServiceCertificate> all = lotl.scheme().pointers().stream().flatMap(p -> p.signingCertificates().stream()).toList();

        java.util.Set<ServiceCertificate> instances = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        instances.addAll(all);
        assertThat(instances).hasSize((int) all.stream().distinct().count()).hasSizeLessThan(all.size());
    }

    private static String instance(String start, String digitalIds) {
        return "<tsl:ServiceHistoryInstance>"
                + "<tsl:ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</tsl:ServiceTypeIdentifier>"
                + "<tsl:ServiceName><tsl:Name xml:lang=\"en\">Test CA</tsl:Name></tsl:ServiceName>"
                + "<tsl:ServiceDigitalIdentity>" + digitalIds + "</tsl:ServiceDigitalIdentity>"
                + "<tsl:ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/accredited</tsl:ServiceStatus>"
                + "<tsl:StatusStartingTime>" + start + "</tsl:StatusStartingTime>"
                + "</tsl:ServiceHistoryInstance>";
    }

    /** The key identifier of the SubjectKeyIdentifier extension (OCTET STRING in OCTET STRING). */
    private static byte[] skiOf(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue("2.5.29.14");
        assertThat(extension).as("test certificate has an SKI extension").isNotNull();
        return Arrays.copyOfRange(extension, 4, extension.length);
    }

    private static String base64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getMimeEncoder(76, "\n".getBytes()).encodeToString(bytes);
    }

    private static void copyUnsigned(BigInteger value, byte[] target, int offset, int length) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > length ? bytes.length - length : 0;
        System.arraycopy(bytes, skip, target, offset + length - (bytes.length - skip), bytes.length - skip);
    }
}

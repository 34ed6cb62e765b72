package org.qtrust.adapters.xml.ts119612;

import org.qtrust.core.trustedlist.CriteriaList;
import org.qtrust.core.trustedlist.DigitalIdentity;
import org.qtrust.core.trustedlist.ListPointer;
import org.qtrust.core.trustedlist.mra.PointerAgreement;
import org.qtrust.core.trustedlist.MultilingualText;
import org.qtrust.core.trustedlist.Qualification;
import org.qtrust.core.trustedlist.SchemeInformation;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.ServiceInformationExtensions;
import org.qtrust.core.trustedlist.ServiceStatus;
import org.qtrust.core.trustedlist.StatusHistory;
import org.qtrust.core.trustedlist.TrustServiceProvider;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.TrustedService;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps one bound list ({@link Ts119612Xml}) to the domain. One instance per document: it shares
 * what repeats inside a list (vocabulary URIs and language codes, statuses, date-times, names,
 * extension sets, certificates) so that a loaded list holds each only once.
 *
 * <p>What is mandatory here is what the domain needs and the standard requires: a violation is
 * a {@link ConformanceException} naming the element. Elements the domain does not use are not
 * checked (this is not a schema validator).
 */
public final class ListMapper {

    /** TSLVersionIdentifier of TS 119 612 v2.1.1, from which SchemeTerritory is mandatory (§5.3.10). */
    private static final int FIRST_EIDAS_VERSION = 5;
    /** Prefix of the status URIs of TS 119 612 (v1.1.1 for the pre-eIDAS statuses, v2 for the others). */
    private static final String TL_STATUS_PREFIX = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/";
    private static final Map<String, ServiceStatus> KNOWN_STATUSES = knownStatuses();
    private static final int MAX_VOCABULARY_LENGTH = 512;

    private final CertificateFactory certificateFactory;
    private final Map<String, String> vocabulary = new HashMap<>();
    private final Map<String, Instant> dateTimes = new HashMap<>();
    private final Map<String, ServiceStatus> otherStatuses = new HashMap<>();
    private final Map<List<Map.Entry<String, String>>, MultilingualText> texts = new HashMap<>();
    private final Map<ServiceInformationExtensions, ServiceInformationExtensions> extensionSets = new HashMap<>();
    private final Map<DerKey, ServiceCertificate> certificates = new HashMap<>();
    private final Map<ServiceCertificate, X509Certificate> decoded = new IdentityHashMap<>();

    private ListMapper() {
        try {
            certificateFactory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("every JDK has an X.509 certificate factory", e);
        }
    }

    /** @throws ConformanceException when the list lacks what the domain needs or has malformed values */
    public static TrustedList toDomain(Ts119612Xml.TrustServiceStatusList list) {
        return new ListMapper().list(list);
    }

    private TrustedList list(Ts119612Xml.TrustServiceStatusList list) {
        if (list.schemeInformation == null) {
            throw new ConformanceException("SchemeInformation is missing");
        }
        SchemeInformation scheme = scheme(list.schemeInformation);
        List<TrustServiceProvider> providers = new ArrayList<>();
        if (list.providerList != null) {
            List<Ts119612Xml.TrustServiceProvider> bound = list.providerList.providers;
            for (int i = 0; i < bound.size(); i++) {
                providers.add(provider(bound.get(i), "TrustServiceProvider[" + (i + 1) + "]"));
            }
        }
        return new TrustedList(scheme, providers);
    }

    // --- SchemeInformation (§5.3) -------------------------------------------------------------

    private SchemeInformation scheme(Ts119612Xml.SchemeInformation scheme) {
        int version = versionIdentifier(scheme.versionIdentifier);
        BigInteger sequenceNumber = sequenceNumber(scheme.sequenceNumber);
        String tslType = vocabulary(Texts.required(scheme.tslType, "SchemeInformation/TSLType"));
        String territory = Texts.trim(scheme.territory);
        if (territory == null || territory.isEmpty()) {
            // optional in TS 102 231 (TSLVersionIdentifier up to 4), mandatory in TS 119 612 v2 (§5.3.10)
            if (version >= FIRST_EIDAS_VERSION) {
                throw new ConformanceException("SchemeInformation/SchemeTerritory is missing or empty");
            }
            territory = "";
        }
        Instant issued = dateTime(scheme.listIssueDateTime, "SchemeInformation/ListIssueDateTime");
        if (!scheme.nextUpdatePresent) {
            throw new ConformanceException("SchemeInformation/NextUpdate is missing (only its dateTime may be absent, for a closed list)");
        }
        if (scheme.nextUpdate != null && Texts.isBlank(scheme.nextUpdate.dateTime) && !Texts.isBlank(scheme.nextUpdate.misplacedText)) {
            throw new ConformanceException("SchemeInformation/NextUpdate holds text instead of a dateTime element: '"
                    + Texts.abbreviate(scheme.nextUpdate.misplacedText) + "'");
        }
        Optional<Instant> nextUpdate = scheme.nextUpdate == null || Texts.isBlank(scheme.nextUpdate.dateTime)
                ? Optional.empty()
                : Optional.of(dateTime(scheme.nextUpdate.dateTime, "SchemeInformation/NextUpdate/dateTime"));
        List<String> informationUris = new ArrayList<>();
        if (scheme.informationUris != null) {
            for (Ts119612Xml.LangText uri : scheme.informationUris.uris) {
                String value = Texts.trim(uri.value);
                if (value != null && !value.isEmpty()) {
                    informationUris.add(value);
                }
            }
        }
        List<ListPointer> pointers = new ArrayList<>();
        if (scheme.pointers != null) {
            List<Ts119612Xml.OtherTslPointer> bound = scheme.pointers.pointers;
            for (int i = 0; i < bound.size(); i++) {
                pointers.add(pointer(bound.get(i), "SchemeInformation/PointersToOtherTSL/OtherTSLPointer[" + (i + 1) + "]"));
            }
        }
        return new SchemeInformation(version, sequenceNumber, tslType, text(scheme.operatorName),
                vocabulary(territory), issued, nextUpdate, informationUris, pointers);
    }

    /** Mandatory in every version of the format (TS 102 231 and TS 119 612 §5.3.1). */
    private static int versionIdentifier(String value) {
        String text = Texts.required(value, "SchemeInformation/TSLVersionIdentifier");
        try {
            int version = Integer.parseInt(text);
            if (version < 1) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new ConformanceException("SchemeInformation/TSLVersionIdentifier is not a positive integer: '"
                    + Texts.abbreviate(text) + "'");
        }
    }

    private static BigInteger sequenceNumber(String value) {
        String text = Texts.required(value, "SchemeInformation/TSLSequenceNumber");
        try {
            if (text.length() > 40) {
                throw new NumberFormatException();
            }
            BigInteger number = new BigInteger(text);
            if (number.signum() <= 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new ConformanceException("SchemeInformation/TSLSequenceNumber is not a positive integer: '"
                    + Texts.abbreviate(text) + "'");
        }
    }

    private ListPointer pointer(Ts119612Xml.OtherTslPointer pointer, String where) {
        String location = Texts.required(pointer.location, where + "/TSLLocation");
        String territory = "";
        String tslType = "";
        String mimeType = "";
        List<com.fasterxml.jackson.databind.JsonNode> agreements = new ArrayList<>();
        for (Ts119612Xml.OtherInformation information : pointer.otherInformation) {
            agreements.addAll(information.agreements);
            if (territory.isEmpty() && !Texts.isBlank(information.territory)) {
                territory = vocabulary(Texts.trim(information.territory));
            }
            if (tslType.isEmpty() && !Texts.isBlank(information.tslType)) {
                tslType = vocabulary(Texts.trim(information.tslType));
            }
            if (mimeType.isEmpty() && !Texts.isBlank(information.mimeType)) {
                mimeType = vocabulary(Texts.trim(information.mimeType));
            }
        }
        List<ServiceCertificate> signers = new ArrayList<>();
        for (Ts119612Xml.DigitalIdentityList identity : pointer.identities) {
            if (identity == null) {
                continue;
            }
            for (Ts119612Xml.DigitalId id : identity.ids) {
                if (id == null) {
                    continue;
                }
                for (String certificate : id.certificates) {
                    addOnce(signers, certificate(certificate, where + "/ServiceDigitalIdentities/ServiceDigitalIdentity/DigitalId/X509Certificate"));
                }
            }
        }
        PointerAgreement agreement = agreements.isEmpty() ? PointerAgreement.NONE
                : agreements.size() > 1 ? new PointerAgreement.NotUnderstood("the pointer carries "
                        + agreements.size() + " MutualRecognitionAgreementInformation elements")
                : MraMapper.read(agreements.get(0));
        return new ListPointer(location, territory, tslType, mimeType, signers, agreement);
    }

    // --- providers and services (§5.4, §5.5, §5.6) ----------------------------------------------

    private TrustServiceProvider provider(Ts119612Xml.TrustServiceProvider provider, String where) {
        if (provider.information == null) {
            throw new ConformanceException(where + "/TSPInformation is missing");
        }
        if (provider.information.name == null || provider.information.name.names.isEmpty()) {
            throw new ConformanceException(where + "/TSPInformation/TSPName is missing");
        }
        MultilingualText name = text(provider.information.name);
        String named = where + " ('" + Texts.abbreviate(name.preferred()) + "')";
        List<TrustedService> services = new ArrayList<>();
        if (provider.services != null) {
            List<Ts119612Xml.TspService> bound = provider.services.services;
            for (int i = 0; i < bound.size(); i++) {
                services.add(service(bound.get(i), named + "/TSPServices/TSPService[" + (i + 1) + "]"));
            }
        }
        return new TrustServiceProvider(name, text(provider.information.tradeName), services);
    }

    private TrustedService service(Ts119612Xml.TspService service, String where) {
        if (service.information == null) {
            throw new ConformanceException(where + "/ServiceInformation is missing");
        }
        String information = where + "/ServiceInformation";
        DigitalIdentity identity = identity(service.information.identity, information + "/ServiceDigitalIdentity");
        StatusHistory.Entry current = entry(service.information, information);
        List<StatusHistory.Entry> history = new ArrayList<>();
        List<DigitalIdentity> historicIdentities = new ArrayList<>();
        if (service.history != null) {
            KeySet currentKeys = null;
            Set<IdentityKey> seen = new HashSet<>();
            List<Ts119612Xml.ServiceInformation> instances = service.history.instances;
            for (int i = 0; i < instances.size(); i++) {
                String instance = where + "/ServiceHistory/ServiceHistoryInstance[" + (i + 1) + "]";
                Ts119612Xml.ServiceInformation bound = instances.get(i);
                history.add(entry(bound, instance));
                DigitalIdentity past = identity(bound.identity, instance + "/ServiceDigitalIdentity");
                if (!hasKeyMaterial(past)) {
                    continue;
                }
                if (currentKeys == null) {
                    currentKeys = new KeySet(identity, decoded);
                }
                if (!currentKeys.denotesSameKey(past) && seen.add(IdentityKey.of(past))) {
                    historicIdentities.add(past);
                }
            }
        }
        return new TrustedService(identity, StatusHistory.of(current, history), historicIdentities);
    }

    private StatusHistory.Entry entry(Ts119612Xml.ServiceInformation information, String where) {
        String serviceType = vocabulary(Texts.required(information.serviceType, where + "/ServiceTypeIdentifier"));
        ServiceStatus status = status(Texts.required(information.status, where + "/ServiceStatus"));
        Instant start = dateTime(information.statusStartingTime, where + "/StatusStartingTime");
        return new StatusHistory.Entry(status, start, serviceType, text(information.serviceName),
                extensions(information.extensions, where + "/ServiceInformationExtensions"));
    }

    private ServiceStatus status(String uri) {
        ServiceStatus known = KNOWN_STATUSES.get(uri);
        return known != null ? known : otherStatuses.computeIfAbsent(uri, ServiceStatus::of);
    }

    /**
     * The status URIs of the domain's kinds, plus the TS 119 612 v1.1.1 spelling of the
     * pre-eIDAS statuses ({@code .../TrustedList/Svcstatus/undersupervision}, {@code .../accredited}…),
     * which the EU lists use in their history next to the TS 102 231 spelling
     * ({@code .../eSigDir-1999-93-EC-TrustedList/Svcstatus/...}). Both mean the same status.
     */
    private static Map<String, ServiceStatus> knownStatuses() {
        Map<String, ServiceStatus> statuses = new HashMap<>();
        for (ServiceStatus.Kind kind : ServiceStatus.Kind.values()) {
            if (kind == ServiceStatus.Kind.UNKNOWN) {
                continue;
            }
            statuses.put(kind.uri(), ServiceStatus.of(kind));
            String tlSpelling = TL_STATUS_PREFIX + kind.shortName();
            statuses.putIfAbsent(tlSpelling, new ServiceStatus(tlSpelling, kind));
        }
        return Map.copyOf(statuses);
    }

    // --- digital identities (§5.5.3) ----------------------------------------------------------

    private DigitalIdentity identity(Ts119612Xml.DigitalIdentityList identity, String where) {
        if (identity == null || identity.ids.isEmpty()) {
            return DigitalIdentity.NONE;
        }
        List<ServiceCertificate> certificates = new ArrayList<>(1);
        List<String> subjectNames = new ArrayList<>(1);
        List<byte[]> subjectKeyIdentifiers = new ArrayList<>(1);
        List<byte[]> keyValues = new ArrayList<>(0);
        for (Ts119612Xml.DigitalId id : identity.ids) {
            if (id == null) {
                continue;
            }
            for (String certificate : id.certificates) {
                addOnce(certificates, certificate(certificate, where + "/DigitalId/X509Certificate"));
            }
            for (String subjectName : id.subjectNames) {
                if (!Texts.isBlank(subjectName)) {
                    subjectNames.add(subjectName);
                }
            }
            for (String ski : id.skis) {
                subjectKeyIdentifiers.add(Texts.base64(ski, where + "/DigitalId/X509SKI"));
            }
            for (Ts119612Xml.KeyValue keyValue : id.keyValues) {
                if (keyValue != null) {
                    KeyMaterial.subjectPublicKeyInfo(keyValue, where + "/DigitalId").ifPresent(keyValues::add);
                }
            }
        }
        if (certificates.isEmpty() && subjectNames.isEmpty() && subjectKeyIdentifiers.isEmpty() && keyValues.isEmpty()) {
            return DigitalIdentity.NONE;
        }
        return new DigitalIdentity(certificates, subjectNames, subjectKeyIdentifiers, keyValues);
    }

    /** Decodes a base64 DER certificate, once per distinct certificate of the document. */
    private ServiceCertificate certificate(String base64, String where) {
        byte[] der = Texts.base64(base64, where);
        DerKey key = new DerKey(der);
        ServiceCertificate known = certificates.get(key);
        if (known != null) {
            return known;
        }
        X509Certificate x509;
        try {
            Certificate certificate = certificateFactory.generateCertificate(new ByteArrayInputStream(der));
            if (!(certificate instanceof X509Certificate)) {
                throw new ConformanceException(where + " is not an X.509 certificate");
            }
            x509 = (X509Certificate) certificate;
            if (x509.getEncoded().length != der.length) {
                throw new ConformanceException(where + " is not exactly one DER-encoded certificate");
            }
        } catch (CertificateException e) {
            throw new ConformanceException(where + " is not a valid X.509 certificate: "
                    + Texts.abbreviate(String.valueOf(e.getMessage())), e);
        }
        ServiceCertificate certificate = ServiceCertificate.of(x509);
        certificates.put(key, certificate);
        decoded.put(certificate, x509);
        return certificate;
    }

    private static boolean hasKeyMaterial(DigitalIdentity identity) {
        return !identity.certificates().isEmpty() || !identity.subjectKeyIdentifiers().isEmpty()
                || !identity.keyValues().isEmpty();
    }

    /** Certificates are shared within a document, so the same certificate is the same instance. */
    private static void addOnce(List<ServiceCertificate> certificates, ServiceCertificate certificate) {
        for (ServiceCertificate known : certificates) {
            if (known == certificate) {
                return;
            }
        }
        certificates.add(certificate);
    }

    /**
     * The keys the current ServiceDigitalIdentity denotes, to tell a history instance's rollover
     * key apart. The identifiers that cost a digest (RFC 5280 method-1 SKIs, encoded public
     * keys) are only computed when the cheap ones (the certificates, their SKI extension, the
     * listed SKIs) leave a past entry unmatched.
     */
    private static final class KeySet {
        private final DigitalIdentity current;
        private final Map<ServiceCertificate, X509Certificate> decoded;
        private final Set<ServiceCertificate> certificates = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<ByteBuffer> keyIdentifiers = new HashSet<>();
        private Set<ByteBuffer> publicKeys;
        private boolean derivedIdentifiers;

        KeySet(DigitalIdentity current, Map<ServiceCertificate, X509Certificate> decoded) {
            this.current = current;
            this.decoded = decoded;
            for (ServiceCertificate certificate : current.certificates()) {
                certificates.add(certificate);
                KeyMaterial.skiExtension(decoded.get(certificate)).ifPresent(ski -> keyIdentifiers.add(ByteBuffer.wrap(ski)));
            }
            for (byte[] ski : current.subjectKeyIdentifiers()) {
                keyIdentifiers.add(ByteBuffer.wrap(ski));
            }
        }

        /**
         * True when every certificate, SKI and key value of the past identity denotes a key of
         * the current identity; names are informative and never decide (§5.5.3).
         */
        boolean denotesSameKey(DigitalIdentity past) {
            for (ServiceCertificate certificate : past.certificates()) {
                if (!certificates.contains(certificate)
                        && !publicKeys().contains(ByteBuffer.wrap(decoded.get(certificate).getPublicKey().getEncoded()))) {
                    return false;
                }
            }
            for (byte[] ski : past.subjectKeyIdentifiers()) {
                if (!keyIdentifiers.contains(ByteBuffer.wrap(ski))) {
                    deriveIdentifiers();
                    if (!keyIdentifiers.contains(ByteBuffer.wrap(ski))) {
                        return false;
                    }
                }
            }
            for (byte[] spki : past.keyValues()) {
                if (!publicKeys().contains(ByteBuffer.wrap(spki))) {
                    return false;
                }
            }
            return true;
        }

        private Set<ByteBuffer> publicKeys() {
            if (publicKeys == null) {
                publicKeys = new HashSet<>();
                for (ServiceCertificate certificate : current.certificates()) {
                    publicKeys.add(ByteBuffer.wrap(decoded.get(certificate).getPublicKey().getEncoded()));
                }
                for (byte[] spki : current.keyValues()) {
                    publicKeys.add(ByteBuffer.wrap(spki));
                }
            }
            return publicKeys;
        }

        private void deriveIdentifiers() {
            if (!derivedIdentifiers) {
                derivedIdentifiers = true;
                for (ByteBuffer spki : publicKeys()) {
                    KeyMaterial.skiMethodOne(spki.array()).ifPresent(ski -> keyIdentifiers.add(ByteBuffer.wrap(ski)));
                }
            }
        }
    }

    /** A DER encoding as a map key: hashed on its length and tail (the signature value), compared in full. */
    private static final class DerKey {
        private final byte[] der;
        private final int hash;

        DerKey(byte[] der) {
            this.der = der;
            int h = der.length;
            for (int i = Math.max(0, der.length - 24); i < der.length; i++) {
                h = 31 * h + der[i];
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DerKey key && key.hash == hash && Arrays.equals(key.der, der);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Content equality of identities (DigitalIdentity compares its byte arrays by reference). */
    private record IdentityKey(List<ServiceCertificate> certificates, List<String> subjectNames,
                               List<ByteBuffer> keyIdentifiers, List<ByteBuffer> keyValues) {
        static IdentityKey of(DigitalIdentity identity) {
            return new IdentityKey(identity.certificates(), identity.subjectNames(),
                    identity.subjectKeyIdentifiers().stream().map(ByteBuffer::wrap).toList(),
                    identity.keyValues().stream().map(ByteBuffer::wrap).toList());
        }
    }

    // --- ServiceInformationExtensions (§5.5.9) ------------------------------------------------

    private ServiceInformationExtensions extensions(Ts119612Xml.Extensions bound, String where) {
        if (bound == null || bound.extensions.isEmpty()) {
            return ServiceInformationExtensions.NONE;
        }
        List<Qualification> qualifications = new ArrayList<>();
        List<String> additionalServiceInformation = new ArrayList<>();
        Optional<Instant> expiredCertsRevocationInfo = Optional.empty();
        List<String> unknownCritical = new ArrayList<>();
        for (int i = 0; i < bound.extensions.size(); i++) {
            Ts119612Xml.Extension extension = bound.extensions.get(i);
            if (extension == null) {
                continue;
            }
            String at = where + "/Extension[" + (i + 1) + "]";
            boolean critical = critical(extension.critical, at);
            for (Ts119612Xml.AdditionalServiceInformation information : extension.additionalServiceInformation) {
                String uri = information == null || information.uri == null ? null : information.uri.value;
                additionalServiceInformation.add(vocabulary(Texts.required(uri, at + "/AdditionalServiceInformation/URI")));
            }
            for (Ts119612Xml.Qualifications bunch : extension.qualifications) {
                if (bunch == null) {
                    continue;
                }
                for (int q = 0; q < bunch.elements.size(); q++) {
                    qualifications.add(qualification(bunch.elements.get(q),
                            at + "/Qualifications/QualificationElement[" + (q + 1) + "]", critical, unknownCritical));
                }
            }
            for (String time : extension.expiredCertsRevocationInfo) {
                Instant instant = dateTime(time, at + "/ExpiredCertsRevocationInfo");
                if (expiredCertsRevocationInfo.isEmpty()) {
                    expiredCertsRevocationInfo = Optional.of(instant);
                }
            }
            if (critical) {
                for (String oid : extension.extensionOids) {
                    unknownCritical.add("ExtensionOID " + Texts.oid(oid));
                }
                for (String name : extension.otherElements) {
                    unknownCritical.add(vocabulary(name));
                }
            }
        }
        if (qualifications.isEmpty() && additionalServiceInformation.isEmpty()
                && expiredCertsRevocationInfo.isEmpty() && unknownCritical.isEmpty()) {
            return ServiceInformationExtensions.NONE;
        }
        ServiceInformationExtensions extensions = new ServiceInformationExtensions(qualifications,
                additionalServiceInformation, expiredCertsRevocationInfo, unknownCritical);
        ServiceInformationExtensions shared = extensionSets.putIfAbsent(extensions, extensions);
        return shared != null ? shared : extensions;
    }

    /** xsd:boolean; the attribute is mandatory, so an extension that omits it is taken as critical. */
    private static boolean critical(String value, String where) {
        String text = Texts.trim(value);
        if (text == null || text.isEmpty()) {
            return true;
        }
        return bool(text, where + "/@Critical");
    }

    private static boolean bool(String value, String where) {
        String text = Texts.trim(value);
        if ("true".equals(text) || "1".equals(text)) {
            return true;
        }
        if ("false".equals(text) || "0".equals(text)) {
            return false;
        }
        throw new ConformanceException(where + " is not an xsd:boolean: '" + Texts.abbreviate(String.valueOf(text)) + "'");
    }

    private Qualification qualification(Ts119612Xml.QualificationElement element, String where, boolean critical,
                                        List<String> unknownCritical) {
        if (element == null || element.qualifiers == null || element.qualifiers.qualifiers.isEmpty()) {
            throw new ConformanceException(where + "/Qualifiers is missing");
        }
        List<String> qualifiers = new ArrayList<>(element.qualifiers.qualifiers.size());
        for (Ts119612Xml.Qualifier qualifier : element.qualifiers.qualifiers) {
            qualifiers.add(vocabulary(Texts.required(qualifier == null ? null : qualifier.uri, where + "/Qualifiers/Qualifier/@uri")));
        }
        if (element.criteria == null) {
            throw new ConformanceException(where + "/CriteriaList is missing");
        }
        return new Qualification(qualifiers, criteria(element.criteria, where + "/CriteriaList", critical, unknownCritical));
    }

    private CriteriaList criteria(Ts119612Xml.CriteriaList criteria, String where, boolean critical,
                                  List<String> unknownCritical) {
        CriteriaList.Assertion assertion;
        try {
            assertion = CriteriaList.Assertion.fromXml(criteria.assertion);
        } catch (IllegalArgumentException e) {
            throw new ConformanceException(where + "/@assert is not all, atLeastOne or none: '"
                    + Texts.abbreviate(criteria.assertion) + "'");
        }
        List<Map<String, Boolean>> keyUsages = new ArrayList<>(criteria.keyUsages.size());
        for (Ts119612Xml.KeyUsage keyUsage : criteria.keyUsages) {
            Map<String, Boolean> bits = new LinkedHashMap<>();
            if (keyUsage != null) {
                for (Ts119612Xml.KeyUsageBit bit : keyUsage.bits) {
                    String name = vocabulary(Texts.required(bit == null ? null : bit.name, where + "/KeyUsage/KeyUsageBit/@name"));
                    bits.put(name, bool(bit.value, where + "/KeyUsage/KeyUsageBit[@name='" + name + "']"));
                }
            }
            keyUsages.add(bits);
        }
        List<List<String>> policySets = new ArrayList<>(criteria.policySets.size());
        for (Ts119612Xml.PolicySet policySet : criteria.policySets) {
            policySets.add(policySet == null ? List.of()
                    : identifiers(policySet.identifiers, where + "/PolicySet/PolicyIdentifier/Identifier"));
        }
        List<String> extendedKeyUsages = List.of();
        List<String> subjectDnAttributes = List.of();
        Ts119612Xml.OtherCriteriaList other = criteria.otherCriteria;
        if (other != null) {
            extendedKeyUsages = identifiers(other.keyPurposes, where + "/otherCriteriaList/ExtendedKeyUsage/KeyPurposeId/Identifier");
            subjectDnAttributes = identifiers(other.subjectDnAttributes,
                    where + "/otherCriteriaList/CertSubjectDNAttribute/AttributeOID/Identifier");
            if (critical) {
                // a criterion this reader cannot evaluate would silently widen the qualification
                for (String name : other.otherElements) {
                    unknownCritical.add(vocabulary("otherCriteriaList/" + name));
                }
            }
        }
        List<CriteriaList> nested = new ArrayList<>(criteria.nested.size());
        for (Ts119612Xml.CriteriaList inner : criteria.nested) {
            if (inner != null) {
                nested.add(criteria(inner, where + "/CriteriaList", critical, unknownCritical));
            }
        }
        return new CriteriaList(assertion, keyUsages, policySets, extendedKeyUsages, subjectDnAttributes, nested);
    }

    private List<String> identifiers(List<Ts119612Xml.ObjectIdentifier> identifiers, String where) {
        List<String> oids = new ArrayList<>(identifiers.size());
        for (Ts119612Xml.ObjectIdentifier identifier : identifiers) {
            oids.add(vocabulary(Texts.oid(Texts.required(identifier == null ? null : identifier.identifier, where))));
        }
        return oids;
    }

    // --- shared values ----------------------------------------------------------------------

    /**
     * InternationalNamesType: xml:lang → Name in document order. Names are xsd:normalizedString
     * (tabs and line breaks read as spaces); the first Name of a language is kept.
     */
    private MultilingualText text(Ts119612Xml.InternationalNames names) {
        if (names == null || names.names.isEmpty()) {
            return MultilingualText.EMPTY;
        }
        Map<String, String> byLanguage = new LinkedHashMap<>(names.names.size() * 2);
        for (Ts119612Xml.LangText name : names.names) {
            if (name != null) {
                byLanguage.putIfAbsent(vocabulary(Texts.language(name.lang)), normalized(name.value));
            }
        }
        // keyed in document order: the same names in another order are another text (preferred() may differ)
        List<Map.Entry<String, String>> key = new ArrayList<>(byLanguage.size());
        byLanguage.forEach((language, value) -> key.add(Map.entry(language, value)));
        return texts.computeIfAbsent(key, k -> new MultilingualText(byLanguage));
    }

    private static String normalized(String value) {
        if (value == null) {
            return "";
        }
        return value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0
                ? value
                : value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private Instant dateTime(String value, String where) {
        if (value != null) {
            Instant known = dateTimes.get(value);
            if (known != null) {
                return known;
            }
        }
        Instant instant = Texts.dateTime(value, where);
        dateTimes.put(value, instant);
        return instant;
    }

    /** URIs, codes and OIDs repeat across services and lists: one shared instance each. */
    private String vocabulary(String value) {
        String known = vocabulary.get(value);
        if (known != null) {
            return known;
        }
        String shared = value.length() <= MAX_VOCABULARY_LENGTH ? value.intern() : value;
        vocabulary.put(shared, shared);
        return shared;
    }
}

package org.qtrust.adapters.xml.ts119612;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlText;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Jackson XML binding of the parts of a TS 119 612 list (v2.1 "v5", v2.4.1 "v6", and the older
 * TS 102 231 / TS 119 612 v1 lists) that the domain needs. Each nested class mirrors one schema
 * type; elements are matched by local name, so any namespace prefix works, and only where the
 * schema puts them. Everything else (addresses, legal notices, supply points, ds:Signature…)
 * is skipped unread.
 *
 * <p>Repeated elements are collected through adder setters, one call per occurrence, so
 * interleaved siblings keep their document order. Elements the schema allows once are set
 * through {@link #once}, which rejects a second occurrence: a list must not say two things.
 */
public final class Ts119612Xml {

    private Ts119612Xml() {
    }

    /**
     * Text inside an element of a complex type (which has no text content in the schema) is
     * ignored rather than refused: the element then reads as empty, and the mapping reports
     * whatever mandatory child is missing, by name.
     */
    public static DeserializationProblemHandler ignoreTextInComplexElements() {
        return new DeserializationProblemHandler() {
            @Override
            public Object handleMissingInstantiator(DeserializationContext context, Class<?> type,
                                                    ValueInstantiator instantiator, JsonParser parser, String message)
                    throws IOException {
                if (type.getEnclosingClass() == Ts119612Xml.class && instantiator != null
                        && instantiator.canCreateUsingDefault() && parser.currentToken() == JsonToken.VALUE_STRING) {
                    return instantiator.createUsingDefault(context);
                }
                return NOT_HANDLED;
            }
        };
    }

    static <T> T once(T current, T value, String element) {
        if (current != null) {
            throw new ConformanceException(element + " appears more than once");
        }
        return value;
    }

    /** The root element, TrustServiceStatusList. */
    public static final class TrustServiceStatusList {
        SchemeInformation schemeInformation;
        TrustServiceProviderList providerList;

        @JsonSetter("SchemeInformation")
        void schemeInformation(SchemeInformation value) {
            schemeInformation = once(schemeInformation, value, "SchemeInformation");
        }

        @JsonSetter("TrustServiceProviderList")
        void providerList(TrustServiceProviderList value) {
            providerList = once(providerList, value, "TrustServiceProviderList");
        }
    }

    /** TSLSchemeInformationType (§5.3). */
    static final class SchemeInformation {
        String versionIdentifier;
        String sequenceNumber;
        String tslType;
        InternationalNames operatorName;
        UriList informationUris;
        String territory;
        PointersToOtherTsl pointers;
        String listIssueDateTime;
        NextUpdate nextUpdate;
        boolean nextUpdatePresent;

        @JsonSetter("TSLVersionIdentifier")
        void versionIdentifier(String value) {
            versionIdentifier = once(versionIdentifier, value, "TSLVersionIdentifier");
        }

        @JsonSetter("TSLSequenceNumber")
        void sequenceNumber(String value) {
            sequenceNumber = once(sequenceNumber, value, "TSLSequenceNumber");
        }

        @JsonSetter("TSLType")
        void tslType(String value) {
            tslType = once(tslType, value, "TSLType");
        }

        @JsonSetter("SchemeOperatorName")
        void operatorName(InternationalNames value) {
            operatorName = once(operatorName, value, "SchemeOperatorName");
        }

        @JsonSetter("SchemeInformationURI")
        void informationUris(UriList value) {
            informationUris = once(informationUris, value, "SchemeInformationURI");
        }

        @JsonSetter("SchemeTerritory")
        void territory(String value) {
            territory = once(territory, value, "SchemeTerritory");
        }

        @JsonSetter("PointersToOtherTSL")
        void pointers(PointersToOtherTsl value) {
            pointers = once(pointers, value, "PointersToOtherTSL");
        }

        @JsonSetter("ListIssueDateTime")
        void listIssueDateTime(String value) {
            listIssueDateTime = once(listIssueDateTime, value, "ListIssueDateTime");
        }

        @JsonSetter("NextUpdate")
        void nextUpdate(NextUpdate value) {
            if (nextUpdatePresent) {
                throw new ConformanceException("NextUpdate appears more than once");
            }
            nextUpdatePresent = true;
            nextUpdate = value;
        }
    }

    /** A text with its xml:lang (MultiLangNormStringType, NonEmptyMultiLangURIType). */
    static final class LangText {
        String lang;
        @JacksonXmlText
        String value;

        LangText() {
        }

        /** An element with text and no attribute reaches the binding as a plain string. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        LangText(String value) {
            this.value = value;
        }

        @JsonSetter("lang")
        void lang(String value) {
            lang = value;
        }
    }

    /** InternationalNamesType: Name+. */
    static final class InternationalNames {
        final List<LangText> names = new ArrayList<>(2);

        @JsonSetter("Name")
        void addName(LangText name) {
            names.add(name);
        }
    }

    /** NonEmptyMultiLangURIListType: URI+. */
    static final class UriList {
        final List<LangText> uris = new ArrayList<>(2);

        @JsonSetter("URI")
        void addUri(LangText uri) {
            uris.add(uri);
        }
    }

    /** NextUpdateType: an optional dateTime (absent for a closed list). */
    static final class NextUpdate {
        String dateTime;
        /** A date written straight into NextUpdate: kept, so that it is not mistaken for a closed list. */
        String misplacedText;

        NextUpdate() {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        NextUpdate(String text) {
            misplacedText = text;
        }

        @JsonSetter("dateTime")
        void dateTime(String value) {
            dateTime = once(dateTime, value, "dateTime");
        }
    }

    /** OtherTSLPointersType. */
    static final class PointersToOtherTsl {
        final List<OtherTslPointer> pointers = new ArrayList<>();

        @JsonSetter("OtherTSLPointer")
        void addPointer(OtherTslPointer pointer) {
            pointers.add(pointer);
        }
    }

    /** OtherTSLPointerType (§5.3.13). */
    static final class OtherTslPointer {
        final List<DigitalIdentityList> identities = new ArrayList<>(2);
        String location;
        final List<OtherInformation> otherInformation = new ArrayList<>(6);

        @JsonSetter("ServiceDigitalIdentities")
        void identities(ServiceDigitalIdentities value) {
            if (value != null) {
                identities.addAll(value.identities);
            }
        }

        @JsonSetter("TSLLocation")
        void location(String value) {
            location = once(location, value, "TSLLocation");
        }

        @JsonSetter("AdditionalInformation")
        void additionalInformation(AdditionalInformation value) {
            if (value != null) {
                otherInformation.addAll(value.otherInformation);
            }
        }
    }

    /** ServiceDigitalIdentityListType: ServiceDigitalIdentity+. */
    static final class ServiceDigitalIdentities {
        final List<DigitalIdentityList> identities = new ArrayList<>(2);

        @JsonSetter("ServiceDigitalIdentity")
        void addIdentity(DigitalIdentityList identity) {
            identities.add(identity);
        }
    }

    /** AdditionalInformationType: TextualInformation and OtherInformation, in any order. */
    static final class AdditionalInformation {
        final List<OtherInformation> otherInformation = new ArrayList<>(6);

        @JsonSetter("OtherInformation")
        void addOtherInformation(OtherInformation value) {
            otherInformation.add(value);
        }
    }

    /**
     * OtherInformation (AnyType): the pointer's TSLType, SchemeTerritory and MimeType are read, and
     * a mra:MutualRecognitionAgreementInformation is kept as a tree for {@link MraMapper}.
     */
    static final class OtherInformation {
        String tslType;
        String territory;
        String mimeType;
        final List<JsonNode> agreements = new ArrayList<>(1);

        @JsonSetter("MutualRecognitionAgreementInformation")
        void agreement(JsonNode value) {
            agreements.add(value);
        }

        @JsonSetter("TSLType")
        void tslType(String value) {
            tslType = value;
        }

        @JsonSetter("SchemeTerritory")
        void territory(String value) {
            territory = value;
        }

        @JsonSetter("MimeType")
        void mimeType(String value) {
            mimeType = value;
        }
    }

    /** DigitalIdentityListType: DigitalId*. */
    static final class DigitalIdentityList {
        final List<DigitalId> ids = new ArrayList<>(2);

        @JsonSetter("DigitalId")
        void addId(DigitalId id) {
            ids.add(id);
        }
    }

    /** DigitalIdentityType: a choice of X509Certificate, X509SubjectName, KeyValue, X509SKI, Other. */
    static final class DigitalId {
        final List<String> certificates = new ArrayList<>(1);
        final List<String> subjectNames = new ArrayList<>(1);
        final List<String> skis = new ArrayList<>(1);
        final List<KeyValue> keyValues = new ArrayList<>(1);

        @JsonSetter("X509Certificate")
        void addCertificate(String value) {
            certificates.add(value);
        }

        @JsonSetter("X509SubjectName")
        void addSubjectName(String value) {
            subjectNames.add(value);
        }

        @JsonSetter("X509SKI")
        void addSki(String value) {
            skis.add(value);
        }

        @JsonSetter("KeyValue")
        void addKeyValue(KeyValue value) {
            keyValues.add(value);
        }
    }

    /** ds:KeyValue: RSA, DSA or (XML-DSig 1.1) EC key value; other kinds are not read. */
    static final class KeyValue {
        RsaKeyValue rsa;
        DsaKeyValue dsa;
        EcKeyValue ec;

        @JsonSetter("RSAKeyValue")
        void rsa(RsaKeyValue value) {
            rsa = once(rsa, value, "RSAKeyValue");
        }

        @JsonSetter("DSAKeyValue")
        void dsa(DsaKeyValue value) {
            dsa = once(dsa, value, "DSAKeyValue");
        }

        @JsonSetter("ECKeyValue")
        void ec(EcKeyValue value) {
            ec = once(ec, value, "ECKeyValue");
        }
    }

    static final class RsaKeyValue {
        String modulus;
        String exponent;

        @JsonSetter("Modulus")
        void modulus(String value) {
            modulus = once(modulus, value, "Modulus");
        }

        @JsonSetter("Exponent")
        void exponent(String value) {
            exponent = once(exponent, value, "Exponent");
        }
    }

    static final class DsaKeyValue {
        String p;
        String q;
        String g;
        String y;

        @JsonSetter("P")
        void p(String value) {
            p = once(p, value, "P");
        }

        @JsonSetter("Q")
        void q(String value) {
            q = once(q, value, "Q");
        }

        @JsonSetter("G")
        void g(String value) {
            g = once(g, value, "G");
        }

        @JsonSetter("Y")
        void y(String value) {
            y = once(y, value, "Y");
        }
    }

    static final class EcKeyValue {
        NamedCurve namedCurve;
        String publicKey;

        @JsonSetter("NamedCurve")
        void namedCurve(NamedCurve value) {
            namedCurve = once(namedCurve, value, "NamedCurve");
        }

        @JsonSetter("PublicKey")
        void publicKey(String value) {
            publicKey = once(publicKey, value, "PublicKey");
        }
    }

    static final class NamedCurve {
        String uri;

        @JsonSetter("URI")
        void uri(String value) {
            uri = value;
        }
    }

    /** TrustServiceProviderListType: TrustServiceProvider+. */
    static final class TrustServiceProviderList {
        final List<TrustServiceProvider> providers = new ArrayList<>();

        @JsonSetter("TrustServiceProvider")
        void addProvider(TrustServiceProvider provider) {
            providers.add(provider);
        }
    }

    /** TSPType (§5.4). */
    static final class TrustServiceProvider {
        TspInformation information;
        TspServices services;

        @JsonSetter("TSPInformation")
        void information(TspInformation value) {
            information = once(information, value, "TSPInformation");
        }

        @JsonSetter("TSPServices")
        void services(TspServices value) {
            services = once(services, value, "TSPServices");
        }
    }

    static final class TspInformation {
        InternationalNames name;
        InternationalNames tradeName;

        @JsonSetter("TSPName")
        void name(InternationalNames value) {
            name = once(name, value, "TSPName");
        }

        @JsonSetter("TSPTradeName")
        void tradeName(InternationalNames value) {
            tradeName = once(tradeName, value, "TSPTradeName");
        }
    }

    static final class TspServices {
        final List<TspService> services = new ArrayList<>();

        @JsonSetter("TSPService")
        void addService(TspService service) {
            services.add(service);
        }
    }

    /** TSPServiceType (§5.5): the current information and the history. */
    static final class TspService {
        ServiceInformation information;
        ServiceHistory history;

        @JsonSetter("ServiceInformation")
        void information(ServiceInformation value) {
            information = once(information, value, "ServiceInformation");
        }

        @JsonSetter("ServiceHistory")
        void history(ServiceHistory value) {
            history = once(history, value, "ServiceHistory");
        }
    }

    /** ServiceHistoryType: ServiceHistoryInstance*. */
    static final class ServiceHistory {
        final List<ServiceInformation> instances = new ArrayList<>(4);

        @JsonSetter("ServiceHistoryInstance")
        void addInstance(ServiceInformation instance) {
            instances.add(instance);
        }
    }

    /**
     * TSPServiceInformationType (§5.5) and ServiceHistoryInstanceType (§5.6), which share the
     * elements the domain reads.
     */
    static final class ServiceInformation {
        String serviceType;
        InternationalNames serviceName;
        DigitalIdentityList identity;
        String status;
        String statusStartingTime;
        Extensions extensions;

        @JsonSetter("ServiceTypeIdentifier")
        void serviceType(String value) {
            serviceType = once(serviceType, value, "ServiceTypeIdentifier");
        }

        @JsonSetter("ServiceName")
        void serviceName(InternationalNames value) {
            serviceName = once(serviceName, value, "ServiceName");
        }

        @JsonSetter("ServiceDigitalIdentity")
        void identity(DigitalIdentityList value) {
            identity = once(identity, value, "ServiceDigitalIdentity");
        }

        @JsonSetter("ServiceStatus")
        void status(String value) {
            status = once(status, value, "ServiceStatus");
        }

        @JsonSetter("StatusStartingTime")
        void statusStartingTime(String value) {
            statusStartingTime = once(statusStartingTime, value, "StatusStartingTime");
        }

        @JsonSetter("ServiceInformationExtensions")
        void extensions(Extensions value) {
            extensions = once(extensions, value, "ServiceInformationExtensions");
        }
    }

    /** ExtensionsListType: Extension+. */
    static final class Extensions {
        final List<Extension> extensions = new ArrayList<>(4);

        @JsonSetter("Extension")
        void addExtension(Extension extension) {
            extensions.add(extension);
        }
    }

    /**
     * ExtensionType: any content and a Critical attribute. The extensions of §5.5.9 are bound;
     * the names of other child elements are kept so that a critical one can be reported.
     */
    static final class Extension {
        String critical;
        final List<AdditionalServiceInformation> additionalServiceInformation = new ArrayList<>(1);
        final List<Qualifications> qualifications = new ArrayList<>(1);
        final List<String> expiredCertsRevocationInfo = new ArrayList<>(1);
        final List<String> extensionOids = new ArrayList<>(1);
        final List<String> otherElements = new ArrayList<>(1);

        @JsonSetter("Critical")
        void critical(String value) {
            critical = value;
        }

        @JsonSetter("AdditionalServiceInformation")
        void addAdditionalServiceInformation(AdditionalServiceInformation value) {
            additionalServiceInformation.add(value);
        }

        @JsonSetter("Qualifications")
        void addQualifications(Qualifications value) {
            qualifications.add(value);
        }

        @JsonSetter("ExpiredCertsRevocationInfo")
        void addExpiredCertsRevocationInfo(String value) {
            expiredCertsRevocationInfo.add(value);
        }

        /** §5.5.9.3: known, and informative only. */
        @JsonSetter("TakenOverBy")
        void takenOverBy(JsonNode ignored) {
            // understood; nothing the domain keeps
        }

        /** The generic OID-identified extension of TS 102 231 (ExtensionOID + ExtensionValue). */
        @JsonSetter("ExtensionOID")
        void addExtensionOid(String value) {
            extensionOids.add(value);
        }

        @JsonSetter("ExtensionValue")
        void extensionValue(JsonNode ignored) {
            // belongs to ExtensionOID
        }

        @JsonAnySetter
        void other(String name, JsonNode ignored) {
            if (!name.isEmpty()) {
                otherElements.add(name);
            }
        }
    }

    /** AdditionalServiceInformationType (§5.5.9.4). */
    static final class AdditionalServiceInformation {
        LangText uri;

        @JsonSetter("URI")
        void uri(LangText value) {
            uri = once(uri, value, "URI");
        }
    }

    /** Sie:Q QualificationsType (§5.5.9.2). */
    static final class Qualifications {
        final List<QualificationElement> elements = new ArrayList<>(4);

        @JsonSetter("QualificationElement")
        void addElement(QualificationElement element) {
            elements.add(element);
        }
    }

    static final class QualificationElement {
        Qualifiers qualifiers;
        CriteriaList criteria;

        @JsonSetter("Qualifiers")
        void qualifiers(Qualifiers value) {
            qualifiers = once(qualifiers, value, "Qualifiers");
        }

        @JsonSetter("CriteriaList")
        void criteria(CriteriaList value) {
            criteria = once(criteria, value, "CriteriaList");
        }
    }

    static final class Qualifiers {
        final List<Qualifier> qualifiers = new ArrayList<>(2);

        @JsonSetter("Qualifier")
        void addQualifier(Qualifier qualifier) {
            qualifiers.add(qualifier);
        }
    }

    static final class Qualifier {
        String uri;

        @JsonSetter("uri")
        void uri(String value) {
            uri = value;
        }
    }

    /** CriteriaListType (§5.5.9.2.2). */
    static final class CriteriaList {
        String assertion;
        final List<KeyUsage> keyUsages = new ArrayList<>(1);
        final List<PolicySet> policySets = new ArrayList<>(1);
        final List<CriteriaList> nested = new ArrayList<>(1);
        OtherCriteriaList otherCriteria;

        @JsonSetter("assert")
        void assertion(String value) {
            assertion = value;
        }

        @JsonSetter("KeyUsage")
        void addKeyUsage(KeyUsage value) {
            keyUsages.add(value);
        }

        @JsonSetter("PolicySet")
        void addPolicySet(PolicySet value) {
            policySets.add(value);
        }

        @JsonSetter("CriteriaList")
        void addNested(CriteriaList value) {
            nested.add(value);
        }

        @JsonSetter("otherCriteriaList")
        void otherCriteria(OtherCriteriaList value) {
            otherCriteria = once(otherCriteria, value, "otherCriteriaList");
        }
    }

    static final class KeyUsage {
        final List<KeyUsageBit> bits = new ArrayList<>(2);

        @JsonSetter("KeyUsageBit")
        void addBit(KeyUsageBit bit) {
            bits.add(bit);
        }
    }

    static final class KeyUsageBit {
        String name;
        @JacksonXmlText
        String value;

        KeyUsageBit() {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        KeyUsageBit(String value) {
            this.value = value;
        }

        @JsonSetter("name")
        void name(String value) {
            name = value;
        }
    }

    /** PoliciesListType: PolicyIdentifier+. */
    static final class PolicySet {
        final List<ObjectIdentifier> identifiers = new ArrayList<>(1);

        @JsonSetter("PolicyIdentifier")
        void addIdentifier(ObjectIdentifier identifier) {
            identifiers.add(identifier);
        }
    }

    /** xades:ObjectIdentifierType: Identifier (+ optional description). */
    static final class ObjectIdentifier {
        String identifier;

        @JsonSetter("Identifier")
        void identifier(String value) {
            identifier = once(identifier, value, "Identifier");
        }
    }

    /** otherCriteriaList (AnyType): ExtendedKeyUsage and CertSubjectDNAttribute are understood. */
    static final class OtherCriteriaList {
        final List<ObjectIdentifier> keyPurposes = new ArrayList<>(1);
        final List<ObjectIdentifier> subjectDnAttributes = new ArrayList<>(1);
        final List<String> otherElements = new ArrayList<>(1);

        @JsonSetter("ExtendedKeyUsage")
        void addExtendedKeyUsage(ExtendedKeyUsage value) {
            if (value != null) {
                keyPurposes.addAll(value.keyPurposes);
            }
        }

        @JsonSetter("CertSubjectDNAttribute")
        void addCertSubjectDnAttribute(CertSubjectDnAttribute value) {
            if (value != null) {
                subjectDnAttributes.addAll(value.attributes);
            }
        }

        @JsonAnySetter
        void other(String name, JsonNode ignored) {
            if (!name.isEmpty()) {
                otherElements.add(name);
            }
        }
    }

    static final class ExtendedKeyUsage {
        final List<ObjectIdentifier> keyPurposes = new ArrayList<>(1);

        @JsonSetter("KeyPurposeId")
        void addKeyPurpose(ObjectIdentifier value) {
            keyPurposes.add(value);
        }
    }

    static final class CertSubjectDnAttribute {
        final List<ObjectIdentifier> attributes = new ArrayList<>(1);

        @JsonSetter("AttributeOID")
        void addAttribute(ObjectIdentifier value) {
            attributes.add(value);
        }
    }
}

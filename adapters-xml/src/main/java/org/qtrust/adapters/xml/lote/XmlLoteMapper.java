package org.qtrust.adapters.xml.lote;

import static org.qtrust.adapters.xml.lote.LoteTrees.list;
import static org.qtrust.adapters.xml.lote.LoteTrees.required;
import static org.qtrust.adapters.xml.lote.LoteTrees.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qtrust.adapters.xml.ts119612.ConformanceException;
import org.qtrust.adapters.xml.ts119612.Texts;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.lote.LotePointer;
import org.qtrust.core.lote.LoteScheme;
import org.qtrust.core.lote.TrustedEntity;
import org.qtrust.core.trustedlist.DigitalIdentity;
import org.qtrust.core.trustedlist.MultilingualText;
import org.qtrust.core.trustedlist.ServiceCertificate;

/**
 * Maps the XML form of a list (the TS 119 602 XML schema {@code 1960201_xsd_schema.xsd}, root
 * {@code ListOfTrustedEntities} in namespace {@code http://uri.etsi.org/019602/v1#}), read by
 * Jackson XML into a tree, to the domain. ds:KeyValue identities are not read (certificates,
 * subject names and SKIs are).
 */
final class XmlLoteMapper {

    private XmlLoteMapper() {
    }

    static ListOfTrustedEntities toDomain(JsonNode root) {
        JsonNode scheme = LoteTrees.object(root, "ListAndSchemeInformation", "ListOfTrustedEntities");
        List<TrustedEntity> entities = new ArrayList<>();
        JsonNode entitiesList = root.get("TrustedEntitiesList");
        List<JsonNode> bound = entitiesList == null ? List.of() : list(entitiesList.get("TrustedEntity"));
        for (int i = 0; i < bound.size(); i++) {
            entities.add(LoteTrees.entity(bound.get(i), "ListOfTrustedEntities/TrustedEntitiesList/TrustedEntity[" + (i + 1) + "]", FORM));
        }
        return new ListOfTrustedEntities(scheme(scheme), entities, ListOfTrustedEntities.Format.XML);
    }

    private static LoteScheme scheme(JsonNode scheme) {
        String where = "ListAndSchemeInformation";
        int version = LoteTrees.version(required(scheme, "LoTEVersionIdentifier", where), where + "/LoTEVersionIdentifier");
        BigInteger sequence = LoteTrees.positive(required(scheme, "LoTESequenceNumber", where), where + "/LoTESequenceNumber");
        Instant issued = LoteTrees.dateTime(required(scheme, "ListIssueDateTime", where), where + "/ListIssueDateTime");
        if (!scheme.has("NextUpdate")) {
            throw new ConformanceException(where + "/NextUpdate is missing (only its dateTime may be absent, for a closed list)");
        }
        Optional<Instant> nextUpdate = text(scheme.get("NextUpdate"), "dateTime")
                .map(t -> LoteTrees.dateTime(t, where + "/NextUpdate/dateTime"));
        List<LotePointer> pointers = new ArrayList<>();
        JsonNode pointerList = scheme.get("PointersToOtherLoTE");
        List<JsonNode> bound = pointerList == null ? List.of() : list(pointerList.get("OtherLoTEPointer"));
        for (int i = 0; i < bound.size(); i++) {
            pointers.add(pointer(bound.get(i), where + "/PointersToOtherLoTE/OtherLoTEPointer[" + (i + 1) + "]"));
        }
        return new LoteScheme(version, sequence, text(scheme, "LoTEType").orElse(""), names(scheme.get("SchemeOperatorName")),
                text(scheme, "SchemeTerritory").orElse(""), text(scheme, "StatusDeterminationApproach").orElse(""),
                issued, nextUpdate, pointers);
    }

    private static LotePointer pointer(JsonNode pointer, String where) {
        List<ServiceCertificate> signers = new ArrayList<>();
        JsonNode identities = pointer.get("ServiceDigitalIdentities");
        for (JsonNode identity : identities == null ? List.<JsonNode>of() : list(identities.get("ServiceDigitalIdentity"))) {
            signers.addAll(identity(identity, where + "/ServiceDigitalIdentities").certificates());
        }
        String type = "";
        String territory = "";
        String mimeType = "";
        JsonNode additional = pointer.get("AdditionalInformation");
        for (JsonNode other : additional == null ? List.<JsonNode>of() : list(additional.get("OtherInformation"))) {
            type = text(other, "LoTEType").orElse(type);
            territory = text(other, "SchemeTerritory").orElse(territory);
            mimeType = text(other, "MimeType").orElse(mimeType);
        }
        return new LotePointer(required(pointer, "LoTELocation", where), type, territory, mimeType, signers);
    }

    /** The XML schema's places: repeated elements inside their list elements. */
    private static final LoteTrees.Form FORM = new LoteTrees.Form() {
        @Override
        public List<JsonNode> services(JsonNode entity) {
            JsonNode services = entity.get("TrustedEntityServices");
            return services == null ? List.of() : list(services.get("TrustedEntityService"));
        }

        @Override
        public List<JsonNode> history(JsonNode service) {
            JsonNode history = service.get("ServiceHistory");
            return history == null ? List.of() : list(history.get("ServiceHistoryInstance"));
        }

        @Override
        public String servicePath(int position) {
            return "TrustedEntityServices/TrustedEntityService[" + position + "]";
        }

        @Override
        public String historyPath(int position) {
            return "ServiceHistory/ServiceHistoryInstance[" + position + "]";
        }

        @Override
        public MultilingualText names(JsonNode names) {
            return XmlLoteMapper.names(names);
        }

        @Override
        public DigitalIdentity identity(JsonNode identity, String where) {
            return XmlLoteMapper.identity(identity, where);
        }
    };

    private static DigitalIdentity identity(JsonNode identity, String where) {
        if (identity == null || !identity.isObject()) {
            return DigitalIdentity.NONE;
        }
        List<ServiceCertificate> certificates = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<byte[]> skis = new ArrayList<>();
        List<JsonNode> ids = list(identity.get("DigitalId"));
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            String at = where + "/DigitalId[" + (i + 1) + "]";
            for (JsonNode certificate : list(id.get("X509Certificate"))) {
                certificates.add(LoteTrees.certificate(LoteTrees.textOf(certificate).orElse(null), at + "/X509Certificate"));
            }
            for (JsonNode name : list(id.get("X509SubjectName"))) {
                LoteTrees.textOf(name).ifPresent(names::add);
            }
            for (JsonNode ski : list(id.get("X509SKI"))) {
                skis.add(Texts.base64(LoteTrees.textOf(ski).orElse(null), at + "/X509SKI"));
            }
        }
        return new DigitalIdentity(certificates, names, skis, List.of());
    }

    private static MultilingualText names(JsonNode names) {
        Map<String, String> byLanguage = LoteTrees.languages();
        if (names != null) {
            for (JsonNode name : list(names.get("Name"))) {
                LoteTrees.textOf(name).ifPresent(v -> byLanguage.putIfAbsent(Texts.language(text(name, "lang").orElse("")), v));
            }
        }
        return LoteTrees.multilingual(byLanguage);
    }
}

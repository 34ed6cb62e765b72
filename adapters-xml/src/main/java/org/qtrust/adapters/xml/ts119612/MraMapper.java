package org.qtrust.adapters.xml.ts119612;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qtrust.core.trustedlist.CriteriaList;
import org.qtrust.core.trustedlist.mra.ContentEquivalence;
import org.qtrust.core.trustedlist.mra.EquivalenceMapping;
import org.qtrust.core.trustedlist.mra.MutualRecognitionAgreement;
import org.qtrust.core.trustedlist.mra.PointerAgreement;
import org.qtrust.core.trustedlist.mra.QcStatementCriteria;
import org.qtrust.core.trustedlist.mra.ServiceTypeEquivalent;
import org.qtrust.core.trustedlist.mra.TrustServiceEquivalence;

/**
 * Reads an OtherTSLPointer's mra:MutualRecognitionAgreementInformation (the EC's MRA schema v2,
 * TS 119 612 v2.4.1 §5.3.13) into the domain. Anything it cannot read in full, or of a kind it does
 * not implement (technicalType or version other than 1, an unknown certificate content context, a
 * criterion other than QcStatementSet), makes the agreement {@link PointerAgreement.NotUnderstood}:
 * the pointer's list is then never used — a half-read agreement must not recognise anything.
 */
final class MraMapper {

    private static final Set<String> CRITERIA_KEYS = Set.of("assert", "otherCriteriaList", "CriteriaList", "Description");

    private MraMapper() {
    }

    /** Thrown inside the mapper for anything that cannot be read. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    static PointerAgreement read(JsonNode mra) {
        try {
            return new PointerAgreement.Understood(agreement(mra));
        } catch (Unreadable e) {
            return new PointerAgreement.NotUnderstood(e.getMessage());
        } catch (RuntimeException e) {
            return new PointerAgreement.NotUnderstood("MutualRecognitionAgreementInformation cannot be read: " + e.getMessage());
        }
    }

    private static MutualRecognitionAgreement agreement(JsonNode mra) throws Unreadable {
        if (mra == null || !mra.isObject()) {
            throw new Unreadable("MutualRecognitionAgreementInformation is empty");
        }
        int technicalType = integer(mra, "technicalType");
        int version = integer(mra, "version");
        int depth = integer(mra, "MRADepth");
        if (technicalType != 1 || version != 1) {
            throw new Unreadable("technicalType " + technicalType + ", version " + version
                    + " is not understood (QTrust reads technicalType 1, version 1 only)");
        }
        if (depth < 1) {
            throw new Unreadable("MRADepth " + depth + " recognises nothing");
        }
        List<TrustServiceEquivalence> equivalences = new ArrayList<>();
        for (JsonNode information : all(mra, "TrustServiceEquivalenceInformation")) {
            String legal = text(required(information, "TrustServiceLegalIdentifier"), "TrustServiceLegalIdentifier");
            List<EquivalenceMapping> versions = new ArrayList<>();
            versions.add(mapping(information, legal));
            for (JsonNode history : all(information, "TrustServiceEquivalenceHistory")) {
                for (JsonNode instance : all(history, "TrustServiceEquivalenceHistoryInstance")) {
                    versions.add(mapping(instance, legal + " history"));
                }
            }
            equivalences.add(new TrustServiceEquivalence(legal, versions));
        }
        if (equivalences.isEmpty()) {
            throw new Unreadable("no TrustServiceEquivalenceInformation");
        }
        return new MutualRecognitionAgreement(technicalType, version, attribute(mra, "pointingContractingPartyLegislation"),
                attribute(mra, "pointedContractingPartyLegislation"), depth, equivalences);
    }

    private static EquivalenceMapping mapping(JsonNode node, String where) throws Unreadable {
        JsonNode types = required(node, "TrustServiceTSLTypeEquivalenceList");
        List<ServiceTypeEquivalent> pointing = types(required(types, "TrustServiceTSLTypeListPointingParty"));
        List<ServiceTypeEquivalent> pointed = types(required(types, "TrustServiceTSLTypeListPointedParty"));
        String status = text(required(node, "TrustServiceEquivalenceStatus"), "TrustServiceEquivalenceStatus");
        Instant start = time(text(required(node, "TrustServiceEquivalenceStatusStartingTime"),
                "TrustServiceEquivalenceStatusStartingTime"));
        JsonNode statuses = required(node, "TrustServiceTSLStatusEquivalenceList");
        JsonNode valid = required(statuses, "TrustServiceTSLStatusValidEquivalence");
        JsonNode invalid = required(statuses, "TrustServiceTSLStatusInvalidEquivalence");
        List<ContentEquivalence> contents = new ArrayList<>();
        for (JsonNode list : all(node, "CertificateContentReferencesEquivalenceList")) {
            for (JsonNode content : all(list, "CertificateContentReferenceEquivalence")) {
                String contextUri = text(required(content, "CertificateContentReferenceEquivalenceContext"),
                        "CertificateContentReferenceEquivalenceContext");
                ContentEquivalence.Context context = ContentEquivalence.Context.fromUri(contextUri)
                        .orElseThrow(() -> new Unreadable("certificate content context " + contextUri + " is not understood"));
                contents.add(new ContentEquivalence(context, criteria(required(content, "CertificateContentDeclarationPointingParty")),
                        criteria(required(content, "CertificateContentDeclarationPointedParty"))));
            }
        }
        Map<String, String> qualifiers = new LinkedHashMap<>();
        for (JsonNode list : all(node, "TrustServiceTSLQualificationExtensionEquivalenceList")) {
            for (JsonNode equivalences : all(list, "QualifierEquivalenceList")) {
                for (JsonNode equivalence : all(equivalences, "QualifierEquivalence")) {
                    String pointingUri = attribute(required(equivalence, "QualifierPointingParty"), "uri");
                    String pointedUri = attribute(required(equivalence, "QualifierPointedParty"), "uri");
                    String before = qualifiers.putIfAbsent(pointedUri, pointingUri);
                    if (before != null && !before.equals(pointingUri)) {
                        throw new Unreadable("qualifier " + pointedUri + " has two equivalents");
                    }
                }
            }
        }
        try {
            return new EquivalenceMapping(start, status, pointing, pointed, statuses(valid, "TrustServiceTSLStatusListPointingParty"),
                    statuses(valid, "TrustServiceTSLStatusListPointedParty"), statuses(invalid, "TrustServiceTSLStatusListPointingParty"),
                    statuses(invalid, "TrustServiceTSLStatusListPointedParty"), qualifiers, contents);
        } catch (IllegalArgumentException e) {
            throw new Unreadable(where + ": " + e.getMessage());
        }
    }

    private static List<ServiceTypeEquivalent> types(JsonNode list) throws Unreadable {
        List<ServiceTypeEquivalent> types = new ArrayList<>();
        for (JsonNode type : all(list, "TrustServiceTSLType")) {
            List<String> additional = new ArrayList<>();
            for (JsonNode information : all(type, "AdditionalServiceInformation")) {
                for (JsonNode uri : all(information, "URI")) {
                    additional.add(text(uri, "AdditionalServiceInformation/URI"));
                }
            }
            types.add(new ServiceTypeEquivalent(text(required(type, "ServiceTypeIdentifier"), "ServiceTypeIdentifier"), additional));
        }
        if (types.isEmpty()) {
            throw new Unreadable("an equivalence names no TrustServiceTSLType");
        }
        return types;
    }

    private static List<String> statuses(JsonNode equivalence, String side) throws Unreadable {
        List<String> statuses = new ArrayList<>();
        for (JsonNode status : all(required(equivalence, side), "ServiceStatus")) {
            statuses.add(text(status, side + "/ServiceStatus"));
        }
        if (statuses.isEmpty()) {
            throw new Unreadable(side + " names no ServiceStatus");
        }
        return statuses;
    }

    private static QcStatementCriteria criteria(JsonNode node) throws Unreadable {
        if (!node.isObject()) {
            throw new Unreadable("an empty certificate content declaration");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!CRITERIA_KEYS.contains(name)) {
                throw new Unreadable("certificate content criterion " + name + " is not understood");
            }
        }
        CriteriaList.Assertion assertion;
        try {
            assertion = CriteriaList.Assertion.fromXml(node.has("assert") ? node.get("assert").asText() : null);
        } catch (IllegalArgumentException e) {
            throw new Unreadable(e.getMessage());
        }
        List<List<QcStatementCriteria.Statement>> sets = new ArrayList<>();
        for (JsonNode other : all(node, "otherCriteriaList")) {
            for (Iterator<String> names = other.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("QcStatementSet")) {
                    throw new Unreadable("otherCriteriaList criterion " + name + " is not understood");
                }
            }
            for (JsonNode set : all(other, "QcStatementSet")) {
                List<QcStatementCriteria.Statement> statements = new ArrayList<>();
                for (JsonNode statement : all(set, "QcStatement")) {
                    statements.add(statement(statement));
                }
                if (statements.isEmpty()) {
                    throw new Unreadable("an empty QcStatementSet");
                }
                sets.add(statements);
            }
        }
        List<QcStatementCriteria> nested = new ArrayList<>();
        for (JsonNode list : all(node, "CriteriaList")) {
            nested.add(criteria(list));
        }
        if (sets.isEmpty() && nested.isEmpty()) {
            throw new Unreadable("a certificate content declaration without criteria");
        }
        return new QcStatementCriteria(assertion, sets, nested);
    }

    private static QcStatementCriteria.Statement statement(JsonNode statement) throws Unreadable {
        String oid = oid(required(required(statement, "QcStatementId"), "Identifier"));
        Optional<String> qcType = Optional.empty();
        Optional<String> legislation = Optional.empty();
        JsonNode info = statement.get("QcStatementInfo");
        if (info != null) {
            if (info.has("QcType")) {
                qcType = Optional.of(oid(required(required(info, "QcType"), "Identifier")));
            } else if (info.has("QcCClegislation")) {
                legislation = Optional.of(text(info.get("QcCClegislation"), "QcCClegislation"));
            } else {
                throw new Unreadable("QcStatementInfo " + info + " is not understood");
            }
        }
        return new QcStatementCriteria.Statement(oid, qcType, legislation);
    }

    private static String oid(JsonNode identifier) throws Unreadable {
        String value = text(identifier, "Identifier").trim();
        String oid = value.regionMatches(true, 0, "urn:oid:", 0, 8) ? value.substring(8) : value;
        if (!oid.matches("[0-9]+(\\.[0-9]+)+")) {
            throw new Unreadable("identifier " + Texts.abbreviate(value) + " is not an OID");
        }
        return oid;
    }

    private static List<JsonNode> all(JsonNode parent, String name) {
        JsonNode value = parent == null ? null : parent.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isArray()) {
            List<JsonNode> values = new ArrayList<>();
            value.forEach(values::add);
            return values;
        }
        return List.of(value);
    }

    private static JsonNode required(JsonNode parent, String name) throws Unreadable {
        List<JsonNode> values = all(parent, name);
        if (values.size() != 1) {
            throw new Unreadable(values.isEmpty() ? "no " + name : name + " appears " + values.size() + " times");
        }
        return values.get(0);
    }

    private static String text(JsonNode node, String name) throws Unreadable {
        JsonNode value = node;
        if (node != null && node.isObject()) {
            value = node.get("");
        }
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new Unreadable(name + " has no value");
        }
        return value.asText().trim();
    }

    private static String attribute(JsonNode node, String name) throws Unreadable {
        JsonNode value = node.get(name);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new Unreadable("no " + name + " attribute");
        }
        return value.asText().trim();
    }

    private static int integer(JsonNode node, String name) throws Unreadable {
        String value = attribute(node, name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Unreadable(name + " '" + Texts.abbreviate(value) + "' is not an integer");
        }
    }

    private static Instant time(String value) throws Unreadable {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new Unreadable("'" + Texts.abbreviate(value) + "' is not a date and time");
        }
    }
}

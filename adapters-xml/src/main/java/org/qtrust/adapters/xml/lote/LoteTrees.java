package org.qtrust.adapters.xml.lote;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qtrust.adapters.xml.ts119612.ConformanceException;
import org.qtrust.adapters.xml.ts119612.Texts;
import org.qtrust.core.lote.LoteIdentifiers;
import org.qtrust.core.lote.TrustedEntity;
import org.qtrust.core.trustedlist.DigitalIdentity;
import org.qtrust.core.trustedlist.MultilingualText;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.ServiceInformationExtensions;
import org.qtrust.core.trustedlist.ServiceStatus;
import org.qtrust.core.trustedlist.StatusHistory;
import org.qtrust.core.trustedlist.TrustedService;

/**
 * What the JSON and the XML form of a list share once parsed into a tree: reading values by
 * name (a single element and a repeated one alike), and building services with their status
 * history (TS 119 602 §6.6, §6.7). A violation is a {@link ConformanceException} naming the place.
 */
final class LoteTrees {

    private LoteTrees() {
    }

    /** The node's elements: an array's items, a single value as one item, nothing when absent. */
    static List<JsonNode> list(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>(node.size());
            node.forEach(items::add);
            return items;
        }
        return List.of(node);
    }

    /** The text of a field: a string, or (XML) the text of an element that also has attributes. */
    static Optional<String> text(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return textOf(node);
    }

    static Optional<String> textOf(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isObject() && node.has("")) {
            node = node.get("");
        }
        if (node.isValueNode()) {
            String value = Texts.trim(node.asText());
            return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
        return Optional.empty();
    }

    static String required(JsonNode parent, String field, String where) {
        return text(parent, field).orElseThrow(() -> new ConformanceException(where + "/" + field + " is missing or empty"));
    }

    static JsonNode object(JsonNode parent, String field, String where) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || !node.isObject()) {
            throw new ConformanceException(where + "/" + field + " is missing");
        }
        return node;
    }

    static BigInteger positive(String value, String where) {
        try {
            BigInteger number = new BigInteger(value);
            if (number.signum() <= 0) {
                throw new ConformanceException(where + " must be a positive integer, not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new ConformanceException(where + " is not an integer: '" + Texts.abbreviate(value) + "'");
        }
    }

    static int version(String value, String where) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConformanceException(where + " is not an integer: '" + Texts.abbreviate(value) + "'");
        }
    }

    static Instant dateTime(String value, String where) {
        return Texts.dateTime(value, where);
    }

    static MultilingualText multilingual(Map<String, String> byLanguage) {
        return byLanguage.isEmpty() ? MultilingualText.EMPTY : new MultilingualText(byLanguage);
    }

    static Map<String, String> languages() {
        return new LinkedHashMap<>();
    }

    static ServiceCertificate certificate(String base64, String where) {
        byte[] der = Texts.base64(base64, where);
        try {
            return ServiceCertificate.fromDer(der);
        } catch (IllegalArgumentException e) {
            throw new ConformanceException(where + " is not an X.509 certificate: " + Texts.abbreviate(String.valueOf(e.getMessage())));
        }
    }

    /** One ServiceInformation or ServiceHistoryInstance, read into neutral values. */
    record ServiceEntry(String type, MultilingualText name, DigitalIdentity identity, Optional<String> status,
                        Optional<Instant> start) {
    }

    /**
     * A TE service with its history. Without ServiceStatus (Annexes D to G forbid it) the service
     * counts as {@link LoteIdentifiers#LISTED} for as long as it is on the list, and history
     * instances only contribute their keys (rollover), not statuses.
     */
    static TrustedService service(ServiceEntry current, List<ServiceEntry> history, String where) {
        if (current.type().isEmpty()) {
            throw new ConformanceException(where + "/ServiceTypeIdentifier is missing: a service of no type vouches for nothing");
        }
        List<DigitalIdentity> historicIdentities = new ArrayList<>();
        for (ServiceEntry past : history) {
            if (!past.identity().isEmpty() && !past.identity().equals(current.identity())
                    && !past.identity().certificates().equals(current.identity().certificates())) {
                historicIdentities.add(past.identity());
            }
        }
        if (current.status().isEmpty()) {
            StatusHistory.Entry listed = new StatusHistory.Entry(ServiceStatus.of(LoteIdentifiers.LISTED), Instant.MIN,
                    current.type(), current.name(), ServiceInformationExtensions.NONE);
            return new TrustedService(current.identity(), StatusHistory.of(listed, List.of()), historicIdentities);
        }
        Instant start = current.start().orElseThrow(() -> new ConformanceException(
                where + "/StatusStartingTime is missing while ServiceStatus is given (TS 119 602 §6.6.5)"));
        StatusHistory.Entry now = new StatusHistory.Entry(ServiceStatus.of(current.status().get()), start, current.type(),
                current.name(), ServiceInformationExtensions.NONE);
        List<StatusHistory.Entry> entries = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            ServiceEntry past = history.get(i);
            String at = where + "/ServiceHistory[" + (i + 1) + "]";
            String status = past.status().orElseThrow(() -> new ConformanceException(at + "/ServiceStatus is missing"));
            Instant pastStart = past.start().orElseThrow(() -> new ConformanceException(at + "/StatusStartingTime is missing"));
            entries.add(new StatusHistory.Entry(ServiceStatus.of(status), pastStart,
                    past.type().isEmpty() ? current.type() : past.type(), past.name(), ServiceInformationExtensions.NONE));
        }
        return new TrustedService(current.identity(), StatusHistory.of(now, entries), historicIdentities);
    }

    /** Where the JSON and the XML form put the parts of an entity: the rest is common. */
    interface Form {
        List<JsonNode> services(JsonNode entity);

        List<JsonNode> history(JsonNode service);

        /** "TrustedEntityServices[2]" (JSON) or "TrustedEntityServices/TrustedEntityService[2]" (XML). */
        String servicePath(int position);

        String historyPath(int position);

        MultilingualText names(JsonNode names);

        DigitalIdentity identity(JsonNode identity, String where);
    }

    /** A TrustedEntity (TS 119 602 §6.4, §6.5): its name, trade name and services with their history. */
    static TrustedEntity entity(JsonNode entity, String where, Form form) {
        JsonNode information = object(entity, "TrustedEntityInformation", where);
        MultilingualText name = form.names(information.get("TEName"));
        if (name.byLanguage().isEmpty()) {
            throw new ConformanceException(where + "/TrustedEntityInformation/TEName is missing or empty");
        }
        List<TrustedService> services = new ArrayList<>();
        List<JsonNode> bound = form.services(entity);
        for (int i = 0; i < bound.size(); i++) {
            String at = where + " ('" + Texts.abbreviate(name.preferred()) + "')/" + form.servicePath(i + 1);
            JsonNode service = bound.get(i);
            ServiceEntry current = entry(object(service, "ServiceInformation", at), at + "/ServiceInformation", form);
            List<ServiceEntry> history = new ArrayList<>();
            List<JsonNode> instances = form.history(service);
            for (int h = 0; h < instances.size(); h++) {
                history.add(entry(instances.get(h), at + "/" + form.historyPath(h + 1), form));
            }
            services.add(service(current, history, at));
        }
        return new TrustedEntity(name, form.names(information.get("TETradeName")), services);
    }

    private static ServiceEntry entry(JsonNode information, String where, Form form) {
        return new ServiceEntry(text(information, "ServiceTypeIdentifier").orElse(""), form.names(information.get("ServiceName")),
                form.identity(information.get("ServiceDigitalIdentity"), where + "/ServiceDigitalIdentity"),
                text(information, "ServiceStatus"),
                text(information, "StatusStartingTime").map(t -> dateTime(t, where + "/StatusStartingTime")));
    }
}

package org.qtrust.server.lists;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.trustedlist.TrustServiceProvider;
import org.qtrust.core.trustedlist.TrustedService;
import org.qtrust.server.http.Answer;
import org.qtrust.server.http.ApiProblem;
import org.qtrust.server.json.Json;
import org.qtrust.server.json.TrustedListDocuments;
import org.qtrust.server.policy.PolicyCatalog;
import org.qtrust.server.snapshot.ListJudgement;
import org.qtrust.server.snapshot.ListsAtTime;
import org.qtrust.server.snapshot.TrustedListsSnapshot;

/**
 * The trusted-list browser's API: the lists ({@code GET /v1/trusted-lists}), one territory's
 * providers and services with their status history ({@code GET /v1/trusted-lists/{territory}})
 * and service search ({@code GET /v1/services?type=&status=&q=}). Verdicts are judged at
 * {@code ?at=} (default now), freshness always at now.
 */
public final class TrustedListsEndpoint {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final Clock clock;
    private final PolicyCatalog policies;

    public TrustedListsEndpoint(Clock clock, PolicyCatalog policies) {
        this.clock = Objects.requireNonNull(clock);
        this.policies = Objects.requireNonNull(policies);
    }

    public Answer lists(TrustedListsSnapshot snapshot, Optional<Instant> at) {
        Instant now = clock.instant();
        ListsAtTime atNow = snapshot.at(now);
        ListsAtTime atValidation = at.isPresent() ? snapshot.at(at.get()) : atNow;
        ObjectNode document = TrustedListDocuments.lists(snapshot, atValidation, atNow);
        snapshot.snapshotId().ifPresent(id -> document.put("snapshot", id));
        document.put("defaultPolicy", policies.defaultPolicy().name());
        ArrayNode names = document.putArray("policies");
        policies.names().forEach(names::add);
        return Answer.ok(document);
    }

    public Answer territory(TrustedListsSnapshot snapshot, String territory, Optional<Instant> at) {
        if (!territory.matches("[A-Za-z]{2,3}")) {
            throw ApiProblem.badRequest("invalid_territory", "a territory is a two-letter code such as AT or EL");
        }
        Instant now = clock.instant();
        ListsAtTime atNow = snapshot.at(now);
        ListsAtTime atValidation = at.isPresent() ? snapshot.at(at.get()) : atNow;
        boolean listOfLists = territory.equalsIgnoreCase(atValidation.listOfLists().territory());
        Optional<ListJudgement> judged = listOfLists ? Optional.of(atValidation.listOfLists()) : atValidation.list(territory);
        Optional<ListJudgement> judgedNow = listOfLists ? Optional.of(atNow.listOfLists()) : atNow.list(territory);
        if (judged.isEmpty() || judgedNow.isEmpty()) {
            throw new ApiProblem(404, "unknown_territory", "the LOTL points to no list for territory '"
                    + territory.toUpperCase(Locale.ROOT) + "'");
        }
        return Answer.ok(TrustedListDocuments.territory(snapshot, judged.get(), judgedNow.get(), atValidation, now));
    }

    public Answer services(TrustedListsSnapshot snapshot, ServiceQuery query) {
        ListsAtTime lists = snapshot.at(query.at().orElseGet(clock::instant));
        ObjectNode root = Json.object();
        root.put("validationTime", lists.validationTime().toString());
        ArrayNode hits = Json.MAPPER.createArrayNode();
        int matches = 0;
        for (ListJudgement list : lists.lists()) {
            if (list.list().isEmpty() || query.territory().filter(t -> !t.equalsIgnoreCase(list.territory())).isPresent()) {
                continue;
            }
            for (TrustServiceProvider provider : list.list().get().providers()) {
                for (TrustedService service : provider.services()) {
                    if (query.matches(provider, service)) {
                        matches++;
                        if (hits.size() < query.limit()) {
                            hits.add(TrustedListDocuments.hit(list, provider, service, lists.validationTime()));
                        }
                    }
                }
            }
        }
        root.put("count", matches);
        root.put("truncated", matches > hits.size());
        root.set("services", hits);
        return Answer.ok(root);
    }

    /**
     * A service search: every given criterion must hold.
     *
     * @param type      a service type, short ("CA/QC") or the full URI
     * @param status    a status, short ("granted") or the full URI
     * @param text      words in the service's or provider's name (case-insensitive)
     * @param territory only this territory's list
     * @param at        the validation time for each hit's status and list verdict
     * @param limit     the most hits returned (the count covers all)
     */
    public record ServiceQuery(Optional<String> type, Optional<String> status, Optional<String> text,
                               Optional<String> territory, Optional<Instant> at, int limit) {

        public ServiceQuery {
            Objects.requireNonNull(type);
            Objects.requireNonNull(status);
            text = text.map(t -> t.toLowerCase(Locale.ROOT));
            Objects.requireNonNull(territory);
            Objects.requireNonNull(at);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ApiProblem.badRequest("invalid_parameter", "limit must be between 1 and " + MAX_LIMIT);
            }
        }

        public static int limit(Optional<String> text) {
            if (text.isEmpty()) {
                return DEFAULT_LIMIT;
            }
            try {
                return Integer.parseInt(text.get());
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("invalid_parameter", "limit must be a whole number");
            }
        }

        boolean matches(TrustServiceProvider provider, TrustedService service) {
            if (type.isPresent() && !type.get().equalsIgnoreCase(service.type())
                    && !type.get().equalsIgnoreCase(ServiceTypes.shortName(service.type()))) {
                return false;
            }
            if (status.isPresent() && !status.get().equalsIgnoreCase(service.currentStatus().uri())
                    && !status.get().equalsIgnoreCase(service.currentStatus().shortName())) {
                return false;
            }
            if (text.isPresent()) {
                String names = (service.name().preferred() + " " + provider.name().preferred() + " "
                        + provider.tradeName().preferred()).toLowerCase(Locale.ROOT);
                return names.contains(text.get());
            }
            return true;
        }
    }
}

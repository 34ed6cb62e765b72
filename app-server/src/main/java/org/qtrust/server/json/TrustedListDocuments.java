package org.qtrust.server.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.StatusPeriod;
import org.qtrust.core.trustedlist.TrustServiceProvider;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.TrustedService;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.server.http.PublicText;
import org.qtrust.server.snapshot.ListJudgement;
import org.qtrust.server.snapshot.ListsAtTime;
import org.qtrust.server.snapshot.TrustedListsSnapshot;

/**
 * The trusted-list documents of the API: the lists with their verdict at the validation time
 * and their freshness now, one list's providers and services with their status history, and
 * service search results.
 */
public final class TrustedListDocuments {

    private TrustedListDocuments() {
    }

    /** {@code GET /v1/trusted-lists}: the LOTL, its lists and the lists of trusted entities ({@code lotes}, empty when none is configured). */
    public static ObjectNode lists(TrustedListsSnapshot snapshot, ListsAtTime atValidation, ListsAtTime atNow) {
        ObjectNode root = header(snapshot, atValidation, atNow);
        root.set("lotl", summary(atValidation.listOfLists(), atNow.listOfLists(), atNow.validationTime()));
        ArrayNode lists = root.putArray("lists");
        for (int i = 0; i < atValidation.lists().size(); i++) {
            lists.add(summary(atValidation.lists().get(i), atNow.lists().get(i), atNow.validationTime()));
        }
        ArrayNode lotes = root.putArray("lotes");
        List<LoteVerdict> lotesAtValidation = snapshot.lotesAt(atValidation.validationTime());
        List<LoteVerdict> lotesNow = snapshot.lotesAt(atNow.validationTime());
        for (int i = 0; i < lotesAtValidation.size(); i++) {
            lotes.add(loteSummary(lotesAtValidation.get(i), lotesNow.get(i), atNow.validationTime()));
        }
        return root;
    }

    /** {@code GET /v1/trusted-lists/{territory}}. */
    public static ObjectNode territory(TrustedListsSnapshot snapshot, ListJudgement atValidation, ListJudgement atNow,
                                       ListsAtTime lists, Instant now) {
        ObjectNode root = header(snapshot, lists, null);
        root.put("now", now.toString());
        root.setAll(summary(atValidation, atNow, now));
        ArrayNode providers = root.putArray("trustServiceProviders");
        atValidation.list().ifPresent(list -> {
            for (TrustServiceProvider provider : list.providers()) {
                ObjectNode p = providers.addObject();
                p.put("name", provider.name().preferred());
                p.put("tradeName", provider.tradeName().preferred().isEmpty() ? null : provider.tradeName().preferred());
                ArrayNode services = p.putArray("services");
                provider.services().forEach(service -> services.add(service(service, lists.validationTime())));
            }
        });
        return root;
    }

    private static ObjectNode header(TrustedListsSnapshot snapshot, ListsAtTime atValidation, ListsAtTime atNow) {
        ObjectNode root = Json.object();
        root.put("validationTime", atValidation.validationTime().toString());
        if (atNow != null) {
            root.put("now", atNow.validationTime().toString());
        }
        root.put("loadedAt", snapshot.loadedAt().toString());
        root.put("origin", PublicText.withoutLocalPaths(snapshot.origin()));
        if (atNow != null) {
            // For a page showing old data: whether the lists are current now, and the last time they were.
            root.put("currentNow", atNow.listOfLists().accepted() && atNow.lists().stream().anyMatch(ListJudgement::accepted));
            root.put("lastCurrent", snapshot.lastCurrent().map(Instant::toString).orElse(null));
        }
        return root;
    }

    static ObjectNode summary(ListJudgement judgement, ListJudgement atNow, Instant now) {
        ObjectNode node = Json.object();
        node.put("territory", judgement.territory());
        node.put("location", judgement.verdict().location().url());
        if (judgement.list().isPresent()) {
            TrustedList list = judgement.list().get();
            node.put("operator", list.scheme().operatorName().preferred());
            node.put("sequenceNumber", list.scheme().sequenceNumber());
            node.put("issued", list.scheme().issued().toString());
            node.put("nextUpdate", list.scheme().nextUpdate().map(Object::toString).orElse(null));
        } else {
            node.putNull("operator");
            node.putNull("sequenceNumber");
            node.putNull("issued");
            node.putNull("nextUpdate");
        }
        signature(node, judgement.verdict().signature());
        node.put("accepted", judgement.accepted());
        node.put("reason", judgement.reason().orElse(null));
        node.put("stale", judgement.stale());
        node.put("providers", judgement.list().map(l -> l.providers().size()).orElse(0));
        node.put("services", judgement.list().map(TrustedList::serviceCount).orElse(0));
        freshness(node, atNow.accepted() && !atNow.stale(), atNow.reason(),
                judgement.list().map(l -> l.scheme().issued()), judgement.list().flatMap(l -> l.scheme().nextUpdate()), now);
        CertificateVerdictDocument.strings(node.putArray("trace"), judgement.trace());
        return node;
    }

    /**
     * A list of trusted entities (TS 119 602) in {@code lotes}: the fields of a trusted list's
     * entry (providers counts the entities), plus {@code trustSource} "LoTE", the LoTE {@code type}
     * and the {@code format}, as {@code qtrust lists load --lote --json} reports it.
     */
    static ObjectNode loteSummary(LoteVerdict verdict, LoteVerdict atNow, Instant now) {
        ObjectNode node = Json.object();
        node.put("trustSource", "LoTE");
        node.put("territory", verdict.territory());
        node.put("location", verdict.location());
        Optional<ListOfTrustedEntities> list = verdict.list();
        node.put("type", list.map(l -> l.scheme().loteType()).orElse(null));
        node.put("format", list.map(l -> l.format().name()).orElse(null));
        node.put("operator", list.map(l -> l.scheme().operatorName().preferred()).orElse(null));
        node.put("sequenceNumber", list.map(l -> l.scheme().sequenceNumber()).orElse(null));
        node.put("issued", list.map(l -> l.scheme().issued().toString()).orElse(null));
        node.put("nextUpdate", list.flatMap(l -> l.scheme().nextUpdate()).map(Object::toString).orElse(null));
        signature(node, verdict.signature());
        node.put("accepted", verdict.accepted());
        node.put("reason", verdict.rejection().map(ListRejection::code).orElse(null));
        node.put("stale", verdict.stale());
        node.put("providers", list.map(l -> l.entities().size()).orElse(0));
        node.put("services", list.map(ListOfTrustedEntities::serviceCount).orElse(0));
        freshness(node, atNow.accepted() && !atNow.stale(), atNow.rejection().map(ListRejection::code),
                list.map(l -> l.scheme().issued()), list.flatMap(l -> l.scheme().nextUpdate()), now);
        CertificateVerdictDocument.strings(node.putArray("trace"), verdict.trace());
        return node;
    }

    private static void signature(ObjectNode node, Optional<SignatureCheck> check) {
        ObjectNode signature = node.putObject("signature");
        signature.put("status", check.map(c -> c.status().name()).orElse(null));
        signature.put("signer", check.map(SignatureCheck::signerSubject).filter(s -> !s.isEmpty()).orElse(null));
    }

    /** Judged now, whatever the validation time: how current the list is. */
    private static void freshness(ObjectNode node, boolean fresh, Optional<String> reasonNow, Optional<Instant> issued,
                                  Optional<Instant> nextUpdate, Instant now) {
        ObjectNode freshness = node.putObject("freshness");
        freshness.put("fresh", fresh);
        freshness.put("reasonNow", reasonNow.orElse(null));
        freshness.put("ageSeconds", issued.map(i -> Duration.between(i, now).getSeconds()).orElse(null));
        freshness.put("secondsUntilNextUpdate", nextUpdate.map(n -> Duration.between(now, n).getSeconds()).orElse(null));
    }

    private static ObjectNode service(TrustedService service, Instant validationTime) {
        ObjectNode s = Json.object();
        s.put("name", service.name().preferred());
        s.put("type", ServiceTypes.shortName(service.type()));
        s.put("typeUri", service.type());
        s.put("status", service.currentStatus().shortName());
        s.put("statusUri", service.currentStatus().uri());
        StatusPeriod current = service.history().current();
        s.put("since", current.start().toString());
        s.put("statusAtValidationTime", service.history().at(validationTime).map(p -> p.status().shortName()).orElse(null));
        ArrayNode history = s.putArray("history");
        List<StatusPeriod> periods = service.history().periods();
        for (StatusPeriod period : periods) {
            ObjectNode h = history.addObject();
            h.put("status", period.status().shortName());
            h.put("statusUri", period.status().uri());
            h.put("start", period.start().toString());
            h.put("end", period.end().map(Object::toString).orElse(null));
            h.put("type", ServiceTypes.shortName(period.serviceType()));
        }
        return s;
    }

    /** One search hit. */
    public static ObjectNode hit(ListJudgement list, TrustServiceProvider provider, TrustedService service, Instant validationTime) {
        ObjectNode s = Json.object();
        s.put("territory", list.territory());
        s.put("listAccepted", list.accepted());
        s.put("provider", provider.name().preferred());
        s.put("name", service.name().preferred());
        s.put("type", ServiceTypes.shortName(service.type()));
        s.put("status", service.currentStatus().shortName());
        s.put("since", service.history().current().start().toString());
        s.put("statusAtValidationTime", service.history().at(validationTime).map(p -> p.status().shortName()).orElse(null));
        return s;
    }
}

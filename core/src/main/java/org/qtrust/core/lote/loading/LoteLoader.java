package org.qtrust.core.lote.loading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.lote.LotePointer;
import org.qtrust.core.lote.port.LoteDocumentSource;
import org.qtrust.core.lote.port.LoteReader;
import org.qtrust.core.lote.port.LoteSignatureVerifier;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.port.MalformedListException;

/**
 * Judges a list of trusted entities the way {@code TrustedListLoader} judges a TS 119 612 list:
 * read it, verify its signature against the configured anchors (TS 119 602 §6.8), refuse a
 * sequence number lower than that of a list already accepted (§6.3.2: it only ever grows), then
 * ListIssueDateTime and NextUpdate against the validation time (§6.3.14, §6.3.15). Stateless.
 */
public final class LoteLoader implements LoadListsOfTrustedEntities {

    /** The loader's trace lines that record its time checks (see {@link ListAcceptancePolicy#freshness}). */
    private static final List<String> TIME_LINES = List.of("issued ", "no NextUpdate", "fresh:", "expired:", "stale:",
            "accepted", "rejected: " + ListRejection.EXPIRED.code(), "rejected: " + ListRejection.NOT_YET_ISSUED.code());

    private final LoteReader reader;
    private final LoteSignatureVerifier verifier;

    public LoteLoader(LoteReader reader, LoteSignatureVerifier verifier) {
        this.reader = Objects.requireNonNull(reader);
        this.verifier = Objects.requireNonNull(verifier);
    }

    @Override
    public LoteVerdict load(LoteLoadRequest request) {
        ListDocument document = request.document();
        List<String> trace = new ArrayList<>();
        trace.add("list of trusted entities from " + document.location() + " (" + document.size() + " bytes), "
                + request.anchors().size() + " configured signing certificate(s)");
        ListOfTrustedEntities list;
        try {
            list = reader.read(document);
        } catch (MalformedListException e) {
            trace.add("cannot be read: " + e.getMessage());
            ListRejection rejection = ListRejection.forProblem(e.problem());
            trace.add("rejected: " + rejection.code());
            return new LoteVerdict(document.location(), Optional.empty(), Optional.empty(), Optional.of(rejection),
                    false, trace);
        }
        trace.add("read " + list.format() + " list " + list.describe() + ": " + list.entities().size()
                + " entities, " + list.serviceCount() + " services");
        List<ServiceCertificate> signers = signers(request, list, trace);
        SignatureCheck signature = verifier.verify(document, signers);
        trace.add("signature: " + signature.status() + " — " + signature.detail());
        if (!signature.isValid()) {
            return rejected(document, list, signature, ListRejection.forSignature(signature), trace);
        }
        Optional<ListOfTrustedEntities> previous = request.previouslyAccepted().stream().filter(p -> sameList(p, list))
                .max(java.util.Comparator.comparing(p -> p.scheme().sequenceNumber()));
        if (previous.isPresent()) {
            java.math.BigInteger before = previous.get().scheme().sequenceNumber();
            if (list.scheme().sequenceNumber().compareTo(before) < 0) {
                trace.add("sequence number " + list.scheme().sequenceNumber() + " is lower than " + before
                        + " of the list already accepted: an old list replayed");
                return rejected(document, list, signature, ListRejection.ROLLBACK, trace);
            }
            trace.add("sequence number " + list.scheme().sequenceNumber() + " not lower than the " + before
                    + " already accepted");
        }
        Instant at = request.validationTime();
        ListAcceptancePolicy.Freshness freshness = request.policy().freshness(list.scheme().issued(),
                list.scheme().nextUpdate(), at);
        trace.add(freshness.explanation());
        if (freshness.rejection().isPresent()) {
            return rejected(document, list, signature, freshness.rejection().get(), trace);
        }
        boolean stale = freshness.stale();
        trace.add("accepted");
        return new LoteVerdict(document.location(), Optional.of(list), Optional.of(signature), Optional.empty(), stale,
                trace);
    }

    /**
     * Judges the configured lists in the order given: an accepted list is the rollback reference
     * for a later list of the same LoTE type and territory, and its pointers announce signers for
     * the lists after it. A document that cannot be obtained is {@link ListRejection#UNAVAILABLE}.
     */
    public List<LoteVerdict> loadInOrder(LoteSourcesRequest request, LoteDocumentSource documents) {
        Map<String, ListOfTrustedEntities> accepted = new LinkedHashMap<>();
        request.previouslyAccepted().forEach(list -> accepted.merge(key(list), list, LoteLoader::later));
        List<LoteVerdict> verdicts = new ArrayList<>();
        for (String location : request.locations()) {
            DocumentLookup lookup = documents.find(location);
            if (lookup instanceof DocumentLookup.Unavailable unavailable) {
                verdicts.add(LoteVerdict.unavailable(location, unavailable.reason()));
                continue;
            }
            ListDocument document = ((DocumentLookup.Found) lookup).document();
            LoteVerdict verdict = load(request.forDocument(document, List.copyOf(accepted.values())));
            verdicts.add(verdict);
            if (verdict.accepted()) {
                ListOfTrustedEntities list = verdict.list().orElseThrow();
                accepted.put(key(list), list);
            }
        }
        return List.copyOf(verdicts);
    }

    /**
     * A verdict judged again at another time. Signature, reading and rollback do not depend on
     * time, so a list refused for none of them is re-judged on its ListIssueDateTime and
     * NextUpdate alone (§6.3.14, §6.3.15), with the same rules and codes as {@link #load}; any
     * other verdict stands as it is.
     */
    public static LoteVerdict judgedAt(LoteVerdict verdict, Instant at, ListAcceptancePolicy policy) {
        boolean timeOnly = verdict.rejection().isEmpty() || verdict.rejection().get() == ListRejection.EXPIRED
                || verdict.rejection().get() == ListRejection.NOT_YET_ISSUED;
        if (verdict.list().isEmpty() || verdict.signature().isEmpty() || !timeOnly) {
            return verdict;
        }
        List<String> trace = new ArrayList<>();
        verdict.trace().stream().filter(line -> TIME_LINES.stream().noneMatch(line::startsWith)).forEach(trace::add);
        ListOfTrustedEntities list = verdict.list().get();
        ListAcceptancePolicy.Freshness freshness = policy.freshness(list.scheme().issued(), list.scheme().nextUpdate(), at);
        trace.add(freshness.explanation());
        trace.add(freshness.rejection().map(r -> "rejected: " + r.code()).orElse("accepted"));
        return new LoteVerdict(verdict.location(), verdict.list(), verdict.signature(), freshness.rejection(),
                freshness.stale(), trace);
    }

    private static String key(ListOfTrustedEntities list) {
        return list.scheme().loteType() + "|" + list.scheme().territory();
    }

    private static ListOfTrustedEntities later(ListOfTrustedEntities a, ListOfTrustedEntities b) {
        return a.scheme().sequenceNumber().compareTo(b.scheme().sequenceNumber()) >= 0 ? a : b;
    }

    /**
     * The configured signers, plus those a pointer of an already accepted list announces for a
     * list of this type and territory (TS 119 602 §6.3.13: ServiceDigitalIdentities of an
     * OtherLoTEPointer, qualified by LoTEType and SchemeTerritory). Only accepted lists speak.
     */
    private static List<ServiceCertificate> signers(LoteLoadRequest request, ListOfTrustedEntities list, List<String> trace) {
        java.util.LinkedHashSet<ServiceCertificate> signers = new java.util.LinkedHashSet<>(request.anchors());
        for (ListOfTrustedEntities accepted : request.previouslyAccepted()) {
            for (LotePointer pointer : accepted.scheme().pointers()) {
                boolean forThisList = pointer.loteType().equals(list.scheme().loteType())
                        && (pointer.territory().isEmpty() || pointer.territory().equals(list.scheme().territory()));
                if (forThisList && !pointer.signers().isEmpty() && signers.addAll(pointer.signers())) {
                    trace.add("signers: " + pointer.signers().size() + " certificate(s) announced by the pointer of the accepted "
                            + accepted.describe() + " to " + pointer.location());
                }
            }
        }
        return List.copyOf(signers);
    }

    /** A rollback compares a list with its own earlier issues: same type and territory. */
    private static boolean sameList(ListOfTrustedEntities previous, ListOfTrustedEntities list) {
        return previous.scheme().loteType().equals(list.scheme().loteType())
                && previous.scheme().territory().equals(list.scheme().territory());
    }

    private static LoteVerdict rejected(ListDocument document, ListOfTrustedEntities list, SignatureCheck signature,
                                        ListRejection rejection, List<String> trace) {
        trace.add("rejected: " + rejection.code());
        return new LoteVerdict(document.location(), Optional.of(list), Optional.of(signature), Optional.of(rejection),
                false, trace);
    }
}

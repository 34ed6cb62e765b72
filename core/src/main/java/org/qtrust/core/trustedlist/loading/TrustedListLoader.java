package org.qtrust.core.trustedlist.loading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ListPointer;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.mra.MutualRecognitionAgreement;
import org.qtrust.core.trustedlist.mra.MutualRecognitionTranslator;
import org.qtrust.core.trustedlist.mra.PointerAgreement;
import org.qtrust.core.trustedlist.port.ListDocumentSource;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;
import org.qtrust.core.trustedlist.port.MalformedListException;
import org.qtrust.core.trustedlist.port.TrustedListReader;

/**
 * The trust pipeline of TS 119 612 / TS 119 615 §4.1: the LOTL is trusted through the
 * Official Journal certificates (following its pivots), each national list through the
 * certificates the LOTL's pointer announces for it. One bad list never stops the others.
 */
public final class TrustedListLoader implements LoadTrustedLists {

    private final ListDocumentSource source;
    private final TrustedListReader reader;
    private final ListSignatureVerifier verifier;
    private final Executor executor;

    public TrustedListLoader(ListDocumentSource source, TrustedListReader reader, ListSignatureVerifier verifier,
                             Executor executor) {
        this.source = Objects.requireNonNull(source);
        this.reader = Objects.requireNonNull(reader);
        this.verifier = Objects.requireNonNull(verifier);
        this.executor = Objects.requireNonNull(executor);
    }

    @Override
    public TrustedListsReport load(LoadRequest request) {
        Instant at = request.validationTime();
        Trace lotlTrace = new Trace();
        Fetched lotl = fetchAndRead(request.listOfLists(), lotlTrace);
        if (lotl.rejection().isPresent()) {
            return new TrustedListsReport(at, lotl.verdict(lotlTrace), List.of(), List.of());
        }
        TrustedList listOfLists = lotl.list().orElseThrow();

        List<ListVerdict> pivots = new ArrayList<>();
        List<ServiceCertificate> lotlSigners = followPivots(listOfLists, request, pivots, lotlTrace);

        SignatureCheck signature = verifier.verify(lotl.document().orElseThrow(), lotlSigners);
        ListVerdict lotlVerdict = judge(request.listOfLists(), listOfLists, signature, Optional.empty(), request,
                lotlTrace);
        if (!lotlVerdict.accepted()) {
            return new TrustedListsReport(at, lotlVerdict, pivots, List.of());
        }

        List<CompletableFuture<ListVerdict>> pending = new ArrayList<>();
        for (TerritoryPointer pointer : territoryPointers(listOfLists)) {
            pending.add(CompletableFuture.supplyAsync(() -> loadTerritoryList(pointer, request), executor));
        }
        List<ListVerdict> lists = pending.stream().map(CompletableFuture::join).toList();
        return new TrustedListsReport(at, lotlVerdict, pivots, lists);
    }

    /**
     * Walks the pivot LOTLs named in the LOTL's SchemeInformationURI, oldest first: the oldest
     * must be signed by an Official Journal certificate, each next one by a certificate its
     * predecessor's own (EU) pointer announces. Returns the certificates allowed to sign the
     * current LOTL. A pivot that is missing or fails breaks the chain there.
     */
    private List<ServiceCertificate> followPivots(TrustedList lotl, LoadRequest request, List<ListVerdict> verdicts,
                                                  Trace lotlTrace) {
        List<String> pivotUrls = pivotUrls(lotl, request.officialJournalUri());
        List<ServiceCertificate> trusted = request.officialJournalCertificates();
        if (pivotUrls.isEmpty()) {
            lotlTrace.add("no pivot LOTL listed: the LOTL must be signed by an Official Journal certificate ("
                    + trusted.size() + " configured)");
            return trusted;
        }
        lotlTrace.add("pivots listed (newest first): " + pivotUrls);
        for (int i = pivotUrls.size() - 1; i >= 0; i--) {
            String url = pivotUrls.get(i);
            ListLocation location = new ListLocation(url, ListLocation.Role.PIVOT, "EU");
            Trace trace = new Trace();
            Fetched pivot = fetchAndRead(location, trace);
            if (i == 0 && pivot.list().isEmpty()) {
                lotlTrace.add("the newest pivot entry " + location.fileName()
                        + " is the LOTL's own pivot address and is not needed: " + pivot.describeProblem());
                continue;
            }
            if (pivot.rejection().isPresent()) {
                verdicts.add(pivot.verdict(trace));
                lotlTrace.add("pivot " + location.fileName() + " not usable (" + pivot.rejection().get().code()
                        + "): the pivot chain breaks there");
                continue;
            }
            TrustedList pivotList = pivot.list().orElseThrow();
            if (pivotList.scheme().sequenceNumber().equals(lotl.scheme().sequenceNumber())) {
                lotlTrace.add("pivot " + location.fileName() + " is this LOTL itself; verified as the LOTL");
                continue;
            }
            SignatureCheck check = verifier.verify(pivot.document().orElseThrow(), trusted);
            trace.add("signature: " + check.status() + " — " + check.detail());
            ListStructure structure = ListStructureRules.judge(pivotList, check);
            trace.add(ListStructureRules.describe(structure, pivotList.scheme().versionIdentifier()));
            if (check.isValid() && !structure.conformant()) {
                trace.add("rejected: " + ListRejection.STRUCTURE_INVALID.code());
                verdicts.add(new ListVerdict(location, Optional.of(pivotList), Optional.of(check),
                        Optional.of(ListRejection.STRUCTURE_INVALID), false, trace.lines(), structure));
                lotlTrace.add("pivot " + location.fileName() + " structure invalid: the pivot chain breaks there");
            } else if (check.isValid()) {
                List<ServiceCertificate> announced = ownPointerCertificates(pivotList);
                trace.add("pivot seq " + pivotList.scheme().sequenceNumber() + " announces " + announced.size()
                        + " LOTL signing certificate(s) for its successor");
                verdicts.add(new ListVerdict(location, Optional.of(pivotList), Optional.of(check), Optional.empty(),
                        false, trace.lines(), structure));
                lotlTrace.add("pivot " + location.fileName() + " verified; its EU pointer now defines the LOTL signers");
                trusted = announced;
            } else {
                verdicts.add(new ListVerdict(location, Optional.of(pivotList), Optional.of(check),
                        Optional.of(rejectionFor(check)), false, trace.lines(), structure));
                lotlTrace.add("pivot " + location.fileName() + " signature " + check.status()
                        + ": the pivot chain breaks there");
            }
        }
        return trusted;
    }

    /**
     * Pivot URLs are the XML documents listed in SchemeInformationURI before the Official
     * Journal reference (newest first). With a configured OJ URI, entries up to that URI count
     * (a newer OJ publication restarts the chain); otherwise the first non-XML entry ends them.
     */
    static List<String> pivotUrls(TrustedList lotl, Optional<String> officialJournalUri) {
        List<String> pivots = new ArrayList<>();
        for (String uri : lotl.scheme().schemeInformationUris()) {
            String trimmed = uri.trim();
            if (officialJournalUri.isPresent() && trimmed.equals(officialJournalUri.get().trim())) {
                break;
            }
            if (isXmlDocument(trimmed)) {
                pivots.add(trimmed);
            } else if (officialJournalUri.isEmpty()) {
                break;
            }
        }
        return pivots;
    }

    private static boolean isXmlDocument(String uri) {
        String path = uri.toLowerCase(Locale.ROOT);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        return path.endsWith(".xml");
    }

    /** The certificates of the LOTL's pointer to itself (its successor's allowed signers). */
    private static List<ServiceCertificate> ownPointerCertificates(TrustedList lotl) {
        LinkedHashSet<ServiceCertificate> certificates = new LinkedHashSet<>();
        for (ListPointer pointer : lotl.scheme().pointers()) {
            if (pointer.tslType().equals(lotl.scheme().tslType()) && pointer.territory().equals(lotl.territory())) {
                certificates.addAll(pointer.signingCertificates());
            }
        }
        return List.copyOf(certificates);
    }

    /** One pointer per territory to an XML list (the PDF renderings and the LOTL itself are skipped). */
    private static List<TerritoryPointer> territoryPointers(TrustedList lotl) {
        Map<String, TerritoryPointer> byTerritory = new LinkedHashMap<>();
        for (ListPointer pointer : lotl.scheme().pointers()) {
            if (!pointer.isXml() || pointer.tslType().equals(lotl.scheme().tslType())) {
                continue;
            }
            byTerritory.merge(pointer.territory(), new TerritoryPointer(pointer, pointer.signingCertificates()),
                    (first, second) -> first.withMoreSigners(second.signers()));
        }
        return List.copyOf(byTerritory.values());
    }

    private ListVerdict loadTerritoryList(TerritoryPointer pointer, LoadRequest request) {
        ListPointer announced = pointer.pointer();
        ListLocation location = new ListLocation(announced.location(), ListLocation.Role.TERRITORY_LIST,
                announced.territory());
        Trace trace = new Trace();
        trace.add("announced by the LOTL for " + announced.territory() + " at " + announced.location() + " with "
                + pointer.signers().size() + " allowed signing certificate(s)");
        Optional<MutualRecognitionAgreement> agreement = Optional.empty();
        boolean euList = TrustedList.EU_GENERIC_TYPE.equals(announced.tslType());
        PointerAgreement said = announced.agreement();
        if (said instanceof PointerAgreement.NotUnderstood notUnderstood) {
            trace.add("the pointer carries mutual recognition agreement information that is not understood ("
                    + notUnderstood.reason() + "): the list is not used, and never as an EU member state's list");
            return unread(location, ListRejection.MRA_NOT_UNDERSTOOD, trace);
        } else if (said instanceof PointerAgreement.Understood understood) {
            if (euList) {
                trace.add("the pointer announces an EU member state's list (EUgeneric) and carries a mutual recognition"
                        + " agreement: contradictory, the list is not used");
                return unread(location, ListRejection.MRA_NOT_UNDERSTOOD, trace);
            }
            trace.add("a third country's list (TSLType " + announced.tslType() + ") under a mutual recognition"
                    + " agreement: its services count only as the agreement says (TS 119 612 v2.4.1 §5.3.13)");
            agreement = Optional.of(understood.agreement());
        } else if (!euList) {
            trace.add("the pointer's TSLType " + (announced.tslType().isEmpty() ? "(none)" : announced.tslType())
                    + " is not an EU member state's list (EUgeneric) and no mutual recognition agreement is given:"
                    + " not used");
            return unread(location, ListRejection.THIRD_COUNTRY_NOT_RECOGNISED, trace);
        }
        Fetched fetched = fetchAndRead(location, trace);
        if (fetched.rejection().isPresent()) {
            return fetched.verdict(trace);
        }
        SignatureCheck signature = verifier.verify(fetched.document().orElseThrow(), pointer.signers());
        ListVerdict verdict = judge(location, fetched.list().orElseThrow(), signature, Optional.of(announced), request, trace);
        if (agreement.isEmpty() || verdict.list().isEmpty()) {
            return verdict;
        }
        MutualRecognitionTranslator.Translated translated = MutualRecognitionTranslator.translate(verdict.list().get(),
                announced.territory(), agreement.get());
        List<String> lines = new ArrayList<>(verdict.trace());
        lines.addAll(translated.trace());
        return new ListVerdict(location, Optional.of(translated.list()), verdict.signature(), verdict.rejection(),
                verdict.stale(), lines, verdict.structure());
    }

    private static ListVerdict unread(ListLocation location, ListRejection rejection, Trace trace) {
        trace.add("rejected: " + rejection.code());
        return new ListVerdict(location, Optional.empty(), Optional.empty(), Optional.of(rejection), false, trace.lines());
    }

    /** The checks common to the LOTL and national lists, in the order a person would apply them. */
    private static ListVerdict judge(ListLocation location, TrustedList list, SignatureCheck signature,
                                     Optional<ListPointer> pointer, LoadRequest request, Trace trace) {
        trace.add("read " + list.territory() + " list seq " + list.scheme().sequenceNumber() + ": "
                + list.providers().size() + " providers, " + list.serviceCount() + " services");
        trace.add("signature: " + signature.status() + " — " + signature.detail());
        ListStructure structure = ListStructureRules.judge(list, signature);
        trace.add(ListStructureRules.describe(structure, list.scheme().versionIdentifier()));
        if (!signature.isValid()) {
            return rejected(location, list, signature, rejectionFor(signature), structure, trace);
        }
        if (!structure.conformant()) {
            return rejected(location, list, signature, ListRejection.STRUCTURE_INVALID, structure, trace);
        }
        if (pointer.isPresent()) {
            ListPointer announced = pointer.get();
            if (!announced.territory().equals(list.territory())) {
                trace.add("territory " + list.territory() + " differs from the pointer's " + announced.territory());
                return rejected(location, list, signature, ListRejection.TERRITORY_MISMATCH, structure, trace);
            }
            if (!announced.tslType().isEmpty() && !announced.tslType().equals(list.scheme().tslType())) {
                trace.add("type " + list.scheme().tslType() + " differs from the pointer's " + announced.tslType());
                return rejected(location, list, signature, ListRejection.TYPE_MISMATCH, structure, trace);
            }
            trace.add("territory and type match the LOTL pointer");
        } else if (!list.isListOfLists()) {
            trace.add("type " + list.scheme().tslType() + " is not a list of lists");
            return rejected(location, list, signature, ListRejection.TYPE_MISMATCH, structure, trace);
        }
        Instant at = request.validationTime();
        ListAcceptancePolicy.Freshness freshness = request.policy().freshness(list.scheme().issued(),
                list.scheme().nextUpdate(), at);
        trace.add(freshness.explanation());
        if (freshness.rejection().isPresent()) {
            return rejected(location, list, signature, freshness.rejection().get(), structure, trace);
        }
        boolean stale = freshness.stale();
        trace.add("accepted");
        return new ListVerdict(location, Optional.of(list), Optional.of(signature), Optional.empty(), stale,
                trace.lines(), structure);
    }

    private static ListVerdict rejected(ListLocation location, TrustedList list, SignatureCheck signature,
                                        ListRejection rejection, ListStructure structure, Trace trace) {
        trace.add("rejected: " + rejection.code());
        return new ListVerdict(location, Optional.of(list), Optional.of(signature), Optional.of(rejection), false,
                trace.lines(), structure);
    }

    static ListRejection rejectionFor(SignatureCheck check) {
        return ListRejection.forSignature(check);
    }

    private Fetched fetchAndRead(ListLocation location, Trace trace) {
        DocumentLookup lookup = source.find(location);
        if (lookup instanceof DocumentLookup.Unavailable unavailable) {
            trace.add("unavailable: " + unavailable.reason());
            return Fetched.failed(location, ListRejection.UNAVAILABLE, unavailable.reason(), Optional.empty());
        }
        ListDocument document = ((DocumentLookup.Found) lookup).document();
        try {
            TrustedList list = reader.read(document);
            return new Fetched(location, Optional.of(document), Optional.of(list), Optional.empty(), "");
        } catch (MalformedListException e) {
            ListRejection rejection = ListRejection.forProblem(e.problem());
            trace.add("cannot be read: " + e.getMessage());
            return Fetched.failed(location, rejection, e.getMessage(), Optional.of(document));
        }
    }

    private record Fetched(ListLocation location, Optional<ListDocument> document, Optional<TrustedList> list,
                           Optional<ListRejection> rejection, String problem) {

        static Fetched failed(ListLocation location, ListRejection rejection, String problem,
                              Optional<ListDocument> document) {
            return new Fetched(location, document, Optional.empty(), Optional.of(rejection), problem);
        }

        ListVerdict verdict(Trace trace) {
            rejection.ifPresent(r -> trace.add("rejected: " + r.code()));
            return new ListVerdict(location, list, Optional.empty(), rejection, false, trace.lines());
        }

        String describeProblem() {
            return rejection.map(r -> r.code() + (problem.isEmpty() ? "" : " (" + problem + ")")).orElse("readable");
        }
    }

    private record TerritoryPointer(ListPointer pointer, List<ServiceCertificate> signers) {
        TerritoryPointer withMoreSigners(List<ServiceCertificate> more) {
            LinkedHashSet<ServiceCertificate> all = new LinkedHashSet<>(signers);
            all.addAll(more);
            return new TerritoryPointer(pointer, List.copyOf(all));
        }
    }

    /** Collects a verdict's explanation lines. */
    private static final class Trace {
        private final List<String> lines = new ArrayList<>();

        void add(String line) {
            lines.add(line);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }
    }
}

package org.qtrust.core.lote.loading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.lote.LotePointer;
import org.qtrust.core.lote.port.LoteReader;
import org.qtrust.core.lote.port.LoteSignatureVerifier;
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

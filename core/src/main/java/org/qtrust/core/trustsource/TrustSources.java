package org.qtrust.core.trustsource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qtrust.core.certificate.index.ListSource;
import org.qtrust.core.certificate.index.ListedService;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.lote.TrustedEntity;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.policy.TrustSourceRule;
import org.qtrust.core.trustedlist.SchemeInformation;
import org.qtrust.core.trustedlist.TrustServiceProvider;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;

/**
 * The lists credential issuers are looked up on — the judged lists of trusted entities and the
 * EU trusted lists — each with its own key index. Immutable snapshot, built once per load.
 */
public final class TrustSources {

    private final List<SourceList> lists;

    private TrustSources(List<SourceList> lists) {
        this.lists = List.copyOf(lists);
    }

    public List<SourceList> lists() {
        return lists;
    }

    /**
     * Indexes every list that could be read: accepted ones to be used, rejected ones only to say
     * that an issuer found there is on a list that is not trusted.
     */
    public static TrustSources of(List<LoteVerdict> lotes, Optional<TrustedListsReport> trustedLists,
                                  CertificateInspector inspector) {
        List<SourceList> lists = new ArrayList<>();
        for (LoteVerdict verdict : lotes) {
            if (verdict.list().isEmpty()) {
                continue;
            }
            ListOfTrustedEntities lote = verdict.list().get();
            Optional<String> rejection = verdict.rejection().map(ListRejection::code);
            TrustedList view = asIndexable(lote);
            lists.add(new SourceList(TrustSourceRule.Source.LOTE, lote.scheme().loteType(), lote.scheme().territory(),
                    lote.scheme().operatorName().preferred(), lote.scheme().sequenceNumber(), verdict.location(),
                    rejection, index(view, rejection, inspector)));
        }
        if (trustedLists.isPresent()) {
            TrustedListsReport report = trustedLists.get();
            boolean lotlAccepted = report.listOfLists().accepted();
            for (ListVerdict verdict : report.lists()) {
                if (verdict.list().isEmpty()) {
                    continue;
                }
                TrustedList list = verdict.list().get();
                Optional<String> rejection = !lotlAccepted ? Optional.of(ListRejection.LIST_OF_LISTS_NOT_TRUSTED.code())
                        : verdict.rejection().map(ListRejection::code);
                lists.add(new SourceList(TrustSourceRule.Source.TRUSTED_LIST, list.scheme().tslType(), list.territory(),
                        list.scheme().operatorName().preferred(), list.scheme().sequenceNumber(),
                        verdict.location().url(), rejection, index(list, rejection, inspector)));
            }
        }
        return new TrustSources(lists);
    }

    /**
     * The key index is built over TS 119 612 shapes; a list of trusted entities has the same
     * shape one level down (entity ≈ provider, TE service ≈ service), so it is indexed as one.
     */
    private static TrustedList asIndexable(ListOfTrustedEntities lote) {
        var scheme = lote.scheme();
        SchemeInformation information = new SchemeInformation(scheme.versionIdentifier(), scheme.sequenceNumber(),
                scheme.loteType(), scheme.operatorName(), scheme.territory(), scheme.issued(), scheme.nextUpdate(),
                List.of(), List.of());
        List<TrustServiceProvider> providers = new ArrayList<>();
        for (TrustedEntity entity : lote.entities()) {
            providers.add(new TrustServiceProvider(entity.name(), entity.tradeName(), entity.services()));
        }
        return new TrustedList(information, providers);
    }

    private static TrustedServiceIndex index(TrustedList list, Optional<String> rejection, CertificateInspector inspector) {
        ListedService.Standing standing = rejection.isEmpty() ? ListedService.Standing.ACCEPTED_LIST
                : ListedService.Standing.REJECTED_LIST;
        return TrustedServiceIndex.build(List.of(new ListSource(list, standing, rejection)), List.of(), inspector);
    }
}

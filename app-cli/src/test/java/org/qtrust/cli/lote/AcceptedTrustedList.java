package org.qtrust.cli.lote;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.qtrust.adapters.xml.Ts119612ListReader;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.core.trustedlist.port.MalformedListException;

/** A load report in which an accepted LOTL points to one accepted national list: TL sources for issuer-trust tests. */
public final class AcceptedTrustedList {

    private AcceptedTrustedList() {
    }

    /** @param listXml a TS 119 612 list as {@code TestLists.trustedList(territory)…build()} writes it */
    public static TrustedListsReport report(String territory, String listXml, Instant at) throws MalformedListException {
        TrustedList list = new Ts119612ListReader().read(new ListDocument(territory + ".xml", listXml.getBytes(StandardCharsets.UTF_8)));
        ListVerdict lotl = new ListVerdict(ListLocation.listOfLists("https://lists.test/eu-lotl.xml"), Optional.empty(),
                Optional.empty(), Optional.empty(), false, List.of("accepted"));
        ListVerdict national = new ListVerdict(new ListLocation("https://lists.test/" + territory + ".xml",
                ListLocation.Role.TERRITORY_LIST, territory), Optional.of(list), Optional.empty(), Optional.empty(), false,
                List.of("accepted"));
        return new TrustedListsReport(at, lotl, List.of(), List.of(national));
    }
}

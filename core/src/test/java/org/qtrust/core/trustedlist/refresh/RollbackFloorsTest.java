package org.qtrust.core.trustedlist.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.MultilingualText;
import org.qtrust.core.trustedlist.SchemeInformation;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;

class RollbackFloorsTest {

    private static ListVerdict accepted(ListLocation location, int sequence) {
        SchemeInformation scheme = new SchemeInformation(5, BigInteger.valueOf(sequence), TrustedList.EU_GENERIC_TYPE,
                MultilingualText.english("operator"), location.territory(), Instant.EPOCH, Optional.empty(), List.of(), List.of());
        TrustedList list = new TrustedList(scheme, List.of());
        return new ListVerdict(location, Optional.of(list), Optional.empty(), Optional.empty(), false, List.of("accepted"));
    }

    @Test
    void aListBelowItsFloorIsARollbackAndTheOthersStandAsTheyAre() {
        ListLocation lotl = ListLocation.listOfLists("https://lotl");
        ListLocation at = new ListLocation("https://at", ListLocation.Role.TERRITORY_LIST, "AT");
        ListLocation be = new ListLocation("https://be", ListLocation.Role.TERRITORY_LIST, "BE");
        TrustedListsReport report = new TrustedListsReport(Instant.EPOCH, accepted(lotl, 370),
                List.of(), List.of(accepted(at, 41), accepted(be, 12)));

        TrustedListsReport judged = RollbackFloors.apply(report,
                Map.of("EU.xml", BigInteger.valueOf(370), "AT.xml", BigInteger.valueOf(42), "BE.xml", BigInteger.valueOf(3)),
                location -> location.role() == ListLocation.Role.LIST_OF_LISTS ? "EU.xml" : location.territory() + ".xml");

        assertThat(judged.listOfLists().accepted()).isTrue();
        assertThat(judged.lists().get(0).rejection()).contains(ListRejection.ROLLBACK);
        assertThat(judged.lists().get(0).trace()).last().asString().contains("41 is lower than 42").contains("§5.3.3");
        assertThat(judged.lists().get(1).accepted()).isTrue();
        assertThat(judged.acceptedLists()).hasSize(1);
    }
}

package org.qtrust.core.lote.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.lote.LoteIdentifiers;
import org.qtrust.core.lote.LoteScheme;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.trustedlist.MultilingualText;
import org.qtrust.core.trustedlist.loading.ListRejection;

class LoteRollbackFloorsTest {

    private static LoteVerdict accepted(String location, int sequence) {
        ListOfTrustedEntities list = new ListOfTrustedEntities(new LoteScheme(1, BigInteger.valueOf(sequence),
                LoteIdentifiers.EU_PID_PROVIDERS_LIST, MultilingualText.english("Operator"), "EU", "", Instant.EPOCH,
                Optional.empty(), List.of()), List.of(), ListOfTrustedEntities.Format.JSON);
        return new LoteVerdict(location, Optional.of(list), Optional.empty(), Optional.empty(), false, List.of("accepted"));
    }

    @Test
    void aListBelowTheFloorOfItsLocationIsARollbackAndTheOthersStandAsTheyAre() {
        List<LoteVerdict> judged = LoteRollbackFloors.apply(List.of(accepted("https://pid", 4), accepted("https://eaa", 9),
                accepted("https://new", 1), LoteVerdict.unavailable("https://gone", "404")),
                Map.of("https://pid", BigInteger.valueOf(5), "https://eaa", BigInteger.valueOf(9),
                        "https://gone", BigInteger.valueOf(3)));

        assertThat(judged.get(0).rejection()).contains(ListRejection.ROLLBACK);
        assertThat(judged.get(0).trace()).anySatisfy(line -> assertThat(line).contains("4 is lower than 5").contains("§6.3.2"));
        assertThat(judged.get(1).accepted()).as("equal to its floor").isTrue();
        assertThat(judged.get(2).accepted()).as("no floor yet").isTrue();
        assertThat(judged.get(3).rejection()).contains(ListRejection.UNAVAILABLE);
    }
}

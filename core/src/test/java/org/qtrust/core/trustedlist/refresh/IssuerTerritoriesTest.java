package org.qtrust.core.trustedlist.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ISO 3166 country codes to the LOTL's territory codes (TS 119 612 §5.3.10 uses the EU's own codes). */
class IssuerTerritoriesTest {

    @Test
    void greeceAndTheUnitedKingdomHaveTheEusOwnCodesOthersAreTheirIsoCode() {
        assertThat(IssuerTerritories.territory("GR")).isEqualTo("EL");
        assertThat(IssuerTerritories.territory("gb")).isEqualTo("UK");
        assertThat(IssuerTerritories.territory(" at ")).isEqualTo("AT");
    }
}

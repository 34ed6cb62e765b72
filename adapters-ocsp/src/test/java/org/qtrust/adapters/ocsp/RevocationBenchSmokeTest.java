package org.qtrust.adapters.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark still runs (tiny sizes; the figures themselves are not asserted). */
class RevocationBenchSmokeTest {

    @Test
    void runs_and_reports_every_figure() {
        RevocationBench.Result result = RevocationBench.run(new RevocationBench.Options(2_000, 2_000, 2));

        assertThat(result.crlEntries()).isEqualTo(2_000);
        assertThat(result.cachedChecksPerSecond()).isPositive();
        assertThat(result.asMap()).containsKeys("crlLoadWarmMs", "indexLookupNs", "cachedChecksPerSecond");
    }
}

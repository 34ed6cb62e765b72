package org.qtrust.core.trustedlist.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qtrust.core.trustedlist.ListLocation;

class SnapshotManifestTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    @Test
    void theIdIsTheDigestOfTheSortedEntriesNotOfTheirOrderOrTime() {
        SnapshotManifest.Entry lotl = SnapshotManifest.Entry.list("EU.xml", ListLocation.listOfLists("https://lotl"), A);
        SnapshotManifest.Entry at = SnapshotManifest.Entry.list("AT.xml",
                new ListLocation("https://at", ListLocation.Role.TERRITORY_LIST, "AT"), B);
        SnapshotManifest.Entry lote = SnapshotManifest.Entry.lote("https://lote/pid.json", A);
        SnapshotManifest one = new SnapshotManifest(List.of(lotl, at, lote), Instant.EPOCH);
        SnapshotManifest two = new SnapshotManifest(List.of(lote, at, lotl), Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(one.id()).isEqualTo(two.id()).hasSize(64);
        assertThat(SnapshotManifest.parse(one.canonicalText(), Instant.EPOCH)).isEqualTo(one);

        SnapshotManifest changed = new SnapshotManifest(List.of(lotl, SnapshotManifest.Entry.list("AT.xml",
                new ListLocation("https://at", ListLocation.Role.TERRITORY_LIST, "AT"), A)), Instant.EPOCH);
        assertThat(changed.id()).isNotEqualTo(one.id());
    }

    @Test
    void refusesWhatIsNotAManifest() {
        assertThatThrownBy(() -> SnapshotManifest.parse("hello\n", Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SnapshotManifest.Entry.list("EU.xml", ListLocation.listOfLists("x"), "nothex"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SnapshotManifest.Entry.list("EU\txml", ListLocation.listOfLists("x"), A))
                .isInstanceOf(IllegalArgumentException.class);
        SnapshotManifest.Entry twice = SnapshotManifest.Entry.lote("https://l", A);
        assertThatThrownBy(() -> new SnapshotManifest(List.of(twice, twice), Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

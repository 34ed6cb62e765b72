package org.qtrust.core.trustedlist.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.AT_SIGNER;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.BE_SIGNER;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.LOTL_URL;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.OJ_SIGNER;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.STRANGER;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.pointer;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.url;

import java.math.BigInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The on-miss refresh of one territory's list: only that list is downloaded, under the cached LOTL. */
class TerritoryRefreshTest {

    private final RefreshWorld world = new RefreshWorld();

    @BeforeEach
    void cacheFilled() {
        world.lotl(248, OJ_SIGNER, pointer("AT", AT_SIGNER), pointer("BE", BE_SIGNER));
        world.national("AT", 42, AT_SIGNER);
        world.national("BE", 43, BE_SIGNER);
        world.refresh();
        world.requests.clear();
    }

    private ListRefresh refresh(String territory) throws Exception {
        return world.refresher().refreshTerritory(RefreshWorld.request(), territory);
    }

    @Test
    void onlyTheTerritorysListIsAskedForConditionallyAndANewerCopyIsStored() throws Exception {
        world.national("AT", 43, AT_SIGNER);

        ListRefresh at = refresh("AT");

        assertThat(at.outcome()).isEqualTo(RefreshOutcome.UPDATED);
        assertThat(at.sequence()).contains(BigInteger.valueOf(43));
        assertThat(world.requests).singleElement().asString().startsWith(url("AT")).contains("if-none-match");
        assertThat(world.cached("AT")).startsWith("AT#43");
    }

    @Test
    void anUnchangedListIsNotModifiedAndNothingIsWritten() throws Exception {
        ListRefresh at = refresh("AT");

        assertThat(at.outcome()).isEqualTo(RefreshOutcome.NOT_MODIFIED);
        assertThat(world.requests).singleElement().asString().startsWith(url("AT"));
        assertThat(world.cache.writes.get("AT.xml")).isEqualTo(1);
    }

    @Test
    void aCopyThatDoesNotVerifyOrGoesBackIsRefusedAndTheCachedOneStays() throws Exception {
        world.national("AT", 44, STRANGER);
        assertThat(refresh("AT").outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        world.national("AT", 41, AT_SIGNER);
        ListRefresh rolledBack = refresh("AT");
        assertThat(rolledBack.outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(rolledBack.problem().orElseThrow().code()).isEqualTo("rollback");
        assertThat(world.cached("AT")).startsWith("AT#42");
    }

    @Test
    void aTerritoryTheLotlDoesNotPointToIsNotFetched() throws Exception {
        ListRefresh xx = refresh("XX");

        assertThat(xx.outcome()).isEqualTo(RefreshOutcome.FAILED);
        assertThat(xx.detail()).contains("no list for XX");
        assertThat(world.requests).isEmpty();
    }

    @Test
    void theLotlIsNotDownloaded() throws Exception {
        world.national("BE", 44, BE_SIGNER);
        refresh("BE");
        assertThat(world.requests).noneMatch(request -> request.startsWith(LOTL_URL));
    }
}

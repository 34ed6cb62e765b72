package org.qtrust.core.lote.refresh;

import org.qtrust.core.lote.loading.LoteSourcesRequest;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;

/**
 * Use case: bring the cached copies of the configured lists of trusted entities up to date. A
 * copy replaces the cached one only when it reads, verifies against the configured signers
 * (and the pointers of lists accepted before it) and its LoTESequenceNumber is not lower;
 * otherwise the last authentic copy stays and the entry says why.
 */
public interface RefreshListsOfTrustedEntities {

    /**
     * @param request the locations in order, their signers, and the validation time and policy of
     *                the load of the cache that ends the refresh
     * @throws ListCacheException when the cache cannot be locked (another refresh holds it)
     */
    LoteRefreshReport refresh(LoteSourcesRequest request) throws ListCacheException;
}

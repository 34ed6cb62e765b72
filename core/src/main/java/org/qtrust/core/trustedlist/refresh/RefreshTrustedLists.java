package org.qtrust.core.trustedlist.refresh;

import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;

/**
 * Use case: bring the cache up to date with the publishers. A copy replaces the cached one
 * only when it reads, verifies through the same trust pipeline as a load (Official Journal
 * certificates, pivots, the LOTL's pointers) and is not older (TSLSequenceNumber); otherwise
 * the last good copy stays and the entry says why.
 */
public interface RefreshTrustedLists {

    /**
     * @param request what to refresh (the LOTL location, the OJ certificates) and the validation
     *                time and policy for the load of the cache that ends the refresh
     * @throws ListCacheException when the cache cannot be locked (another refresh holds it)
     */
    RefreshReport refresh(LoadRequest request, RefreshListener listener) throws ListCacheException;

    default RefreshReport refresh(LoadRequest request) throws ListCacheException {
        return refresh(request, RefreshListener.NONE);
    }
}

package org.qtrust.core.trustedlist.loading;

/** Use case: load the LOTL and every list it points to, and judge each at the validation time. */
public interface LoadTrustedLists {

    /** Never throws for bad lists: each outcome is a {@link ListVerdict}. */
    TrustedListsReport load(LoadRequest request);
}

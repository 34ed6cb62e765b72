package org.qtrust.core.trustedlist;

import java.util.Objects;

/**
 * Where a list is published and what role it plays; sources use the role and territory to
 * find an offline copy (EU.xml, {@code <territory>.xml}, a pivot by its file name).
 */
public record ListLocation(String url, Role role, String territory) {

    public enum Role { LIST_OF_LISTS, PIVOT, TERRITORY_LIST }

    public ListLocation {
        Objects.requireNonNull(url);
        Objects.requireNonNull(role);
        Objects.requireNonNull(territory);
    }

    public static ListLocation listOfLists(String url) {
        return new ListLocation(url, Role.LIST_OF_LISTS, "EU");
    }

    /** The last path segment of the URL, e.g. "eu-lotl-pivot-341.xml". */
    public String fileName() {
        String path = url;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }
}

package org.qtrust.adapters.http.mirror;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.qtrust.adapters.http.offline.DirectoryListSource;
import org.qtrust.core.trustedlist.ListLocation;

/**
 * Mirrors of the LOTL and the lists (issue 19.2, {@code --lotl-mirror URL}): base URLs under
 * which a document is found by its cache-folder name ({@code EU.xml}, {@code <territory>.xml},
 * a pivot by its file name), as {@code qtrust lists export} writes them. A mirror is only asked
 * when a document's own location failed, and what it serves is verified exactly like the
 * original: it can withhold or delay lists, never make one trusted.
 */
public final class ListMirrors {

    /** The names a mirror document may have: no path separators, no "..", nothing hidden. */
    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

    /** No mirrors. */
    public static final ListMirrors NONE = new ListMirrors(List.of());

    private final List<String> bases;

    private ListMirrors(List<String> bases) {
        this.bases = List.copyOf(bases);
    }

    /**
     * Reads the configured mirror URLs: https (plain http only to a loopback host, with the
     * sandbox opt-in {@code --allow-loopback-http}), no user information, query or fragment; a
     * missing final slash is added. Fetches still pass the transport's egress rule.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad URL
     */
    public static ListMirrors parse(List<String> urls, boolean allowLoopbackHttp) {
        List<String> bases = new ArrayList<>();
        for (String url : urls) {
            String base = check(url.trim(), allowLoopbackHttp);
            if (!bases.contains(base)) {
                bases.add(base);
            }
        }
        return new ListMirrors(bases);
    }

    private static String check(String url, boolean allowLoopbackHttp) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--lotl-mirror " + url + ": not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null) {
            // The mirror is named in reports and /ready: credentials do not belong in it (nor in this message).
            throw new IllegalArgumentException("--lotl-mirror: a URL with user information (user:password@) is refused");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("--lotl-mirror " + url + ": give an https:// URL (the folder the mirror serves)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("--lotl-mirror " + url + ": no query or fragment: the mirror is a folder");
        }
        if (scheme.equals("http") && !(allowLoopbackHttp && isLoopback(uri.getHost()))) {
            throw new IllegalArgumentException("--lotl-mirror " + url + ": a mirror is fetched over https "
                    + "(plain http only to a loopback host, with --allow-loopback-http)");
        }
        return url.endsWith("/") ? url : url + "/";
    }

    private static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]") || name.equals("::1");
    }

    public boolean isEmpty() {
        return bases.isEmpty();
    }

    /** The base URLs, in the order they are tried, each ending with '/'. */
    public List<String> bases() {
        return bases;
    }

    /** The name of a location's document in a mirror (and in the cache folder), when it is a safe file name. */
    public static Optional<String> fileName(ListLocation location) {
        String name = DirectoryListSource.fileNameFor(location);
        return SAFE_FILE_NAME.matcher(name).matches() && name.endsWith(".xml") ? Optional.of(name) : Optional.empty();
    }

    @Override
    public String toString() {
        return bases.toString();
    }
}

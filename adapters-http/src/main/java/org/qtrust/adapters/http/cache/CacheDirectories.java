package org.qtrust.adapters.http.cache;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the list cache lives by default: {@code $XDG_CACHE_HOME/qtrust}, else
 * {@code ~/.cache/qtrust}. Never the temporary directory, which some systems empty behind the
 * application's back (systemd-tmpfiles, reboots).
 */
public final class CacheDirectories {

    private CacheDirectories() {
    }

    /** The default directory for this process's environment and user. */
    public static Path defaultDirectory() {
        return defaultDirectory(System.getenv(), System.getProperty("user.home"));
    }

    /** The default directory for the given environment and home directory. */
    public static Path defaultDirectory(Map<String, String> environment, String userHome) {
        Optional<Path> xdg = Optional.ofNullable(environment.get("XDG_CACHE_HOME"))
                .filter(value -> !value.isBlank())
                .map(Path::of)
                .filter(Path::isAbsolute); // the XDG spec says relative values are to be ignored
        if (xdg.isPresent()) {
            return xdg.get().resolve("qtrust");
        }
        if (userHome == null || userHome.isBlank()) {
            throw new IllegalStateException("no home directory and no XDG_CACHE_HOME: give the cache directory explicitly");
        }
        return Path.of(userHome, ".cache", "qtrust");
    }
}

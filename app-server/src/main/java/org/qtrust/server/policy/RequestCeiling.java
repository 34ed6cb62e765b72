package org.qtrust.server.policy;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.server.http.ApiProblem;

/**
 * An operator's setting that a request may lower but never raise (issue 15 item 4): the
 * operator decides how far the server reaches (which fetches it makes, how long it waits);
 * a request may ask for less, and for more only when the operator started the server with
 * {@code --allow-request-overrides}.
 *
 * <p>Reusable for any ordered setting: give the values from the least reach to the most, e.g.
 * {@code RequestCeiling.ordered("revocation", List.of(OFF, PREFER, REQUIRE), RevocationMode::code, allow)}.
 *
 * @param <T> the setting's values
 */
public final class RequestCeiling<T> {

    /** The error code of a request that asks for more than the server's setting. */
    public static final String OVERRIDE_NOT_ALLOWED = "override_not_allowed";

    private final String field;
    private final Comparator<T> reach;
    private final Function<T, String> name;
    private final boolean overridesAllowed;

    private RequestCeiling(String field, Comparator<T> reach, Function<T, String> name, boolean overridesAllowed) {
        this.field = Objects.requireNonNull(field);
        this.reach = Objects.requireNonNull(reach);
        this.name = Objects.requireNonNull(name);
        this.overridesAllowed = overridesAllowed;
    }

    /**
     * @param field            the request field, for messages
     * @param fromLeastToMost  every value, from the one that reaches least to the one that reaches most
     * @param name             how a value is written in requests
     * @param overridesAllowed true when the operator allows requests to raise the setting
     */
    public static <T> RequestCeiling<T> ordered(String field, List<T> fromLeastToMost, Function<T, String> name,
                                                boolean overridesAllowed) {
        List<T> order = List.copyOf(fromLeastToMost);
        return new RequestCeiling<>(field, Comparator.comparingInt(value -> {
            int rank = order.indexOf(value);
            if (rank < 0) {
                throw new IllegalArgumentException(field + ": " + value + " has no rank");
            }
            return rank;
        }), name, overridesAllowed);
    }

    /** The revocation mode: {@code off} reaches least, {@code require} most (it fetches and waits for an answer). */
    public static RequestCeiling<RevocationMode> revocation(boolean overridesAllowed) {
        return ordered("revocation", List.of(RevocationMode.OFF, RevocationMode.PREFER, RevocationMode.REQUIRE),
                RevocationMode::code, overridesAllowed);
    }

    /**
     * The value in force for a request: the server's when the request says nothing, the
     * request's when it does not reach further than the server's (or overrides are allowed).
     *
     * @throws ApiProblem 403 {@value #OVERRIDE_NOT_ALLOWED} when the request asks for more
     */
    public T apply(T server, Optional<T> requested) {
        Objects.requireNonNull(server);
        if (requested.isEmpty()) {
            return server;
        }
        T asked = requested.get();
        if (reach.compare(asked, server) > 0 && !overridesAllowed) {
            throw new ApiProblem(403, OVERRIDE_NOT_ALLOWED, "'" + field + "': " + name.apply(asked)
                    + " asks for more than this server's setting (" + name.apply(server)
                    + "); a request may only lower it unless the server runs with --allow-request-overrides");
        }
        return asked;
    }

    public boolean overridesAllowed() {
        return overridesAllowed;
    }
}

package org.qtrust.adapters.http.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * URL rewrite rules ({@code FROM_PREFIX=TO_PREFIX}) for mirrors and air-gapped deployments:
 * the first rule whose prefix starts the URL replaces that prefix, once (the result is not
 * rewritten again). Redirect targets are rewritten the same way.
 */
public final class RewriteRules {

    public static final RewriteRules NONE = new RewriteRules(List.of());

    /** One rule: URLs starting with {@code from} start with {@code to} instead. */
    public record Rule(String from, String to) {
        public Rule {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            if (from.isEmpty()) {
                throw new IllegalArgumentException("a rewrite rule needs a prefix to replace");
            }
            if (!isHttp(to)) {
                throw new IllegalArgumentException("a rewrite rule must lead to an http:// or https:// URL: " + to);
            }
        }

        @Override
        public String toString() {
            return from + "=" + to;
        }
    }

    private final List<Rule> rules;

    public RewriteRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Parses {@code FROM_PREFIX=TO_PREFIX} rules. The separator is the first '=' followed by
     * "http://" or "https://", so a prefix may itself contain '=' (a query string).
     *
     * @throws IllegalArgumentException for a rule without such a separator
     */
    public static RewriteRules parse(List<String> specs) {
        List<Rule> parsed = new ArrayList<>(specs.size());
        for (String spec : specs) {
            parsed.add(parseRule(spec));
        }
        return new RewriteRules(parsed);
    }

    static Rule parseRule(String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        int at = -1;
        for (int i = lower.indexOf('='); i >= 0; i = lower.indexOf('=', i + 1)) {
            if (isHttp(lower.substring(i + 1))) {
                at = i;
                break;
            }
        }
        if (at <= 0) {
            throw new IllegalArgumentException("rewrite rule '" + spec
                    + "' is not FROM_PREFIX=TO_PREFIX with an http:// or https:// target");
        }
        return new Rule(spec.substring(0, at), spec.substring(at + 1));
    }

    private static boolean isHttp(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** The URL after the first matching rule, or unchanged. */
    public String apply(String url) {
        return matching(url).map(rule -> rule.to() + url.substring(rule.from().length())).orElse(url);
    }

    /**
     * These rules after rules that leave URLs under the given prefixes as they are: a configured
     * mirror ({@code --lotl-mirror}) is fetched where it is, whatever catch-all rule maps the
     * publication URLs elsewhere.
     */
    public RewriteRules leavingAlone(List<String> prefixes) {
        if (prefixes.isEmpty()) {
            return this;
        }
        List<Rule> all = new ArrayList<>();
        prefixes.forEach(prefix -> all.add(new Rule(prefix, prefix)));
        all.addAll(rules);
        return new RewriteRules(all);
    }

    public Optional<Rule> matching(String url) {
        return rules.stream().filter(rule -> url.startsWith(rule.from())).findFirst();
    }

    public List<Rule> rules() {
        return rules;
    }

    @Override
    public String toString() {
        return rules.toString();
    }
}

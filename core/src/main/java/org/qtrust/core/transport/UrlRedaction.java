package org.qtrust.core.transport;

/**
 * Hides the user information of URLs ({@code https://user:secret@host/…} becomes
 * {@code https://***@host/…}) in any text shown outside the process: traces, documents,
 * metrics, logs. A URL may carry credentials for a mirror (the transport turns them into an
 * Authorization header); nothing else may see them.
 */
public final class UrlRedaction {

    public static final String MASK = "***";

    private UrlRedaction() {
    }

    /** The text with the user information of every {@code scheme://user@host} in it replaced by {@value #MASK}. */
    public static String redact(String text) {
        if (text == null || text.indexOf('@') < 0 || !text.contains("://")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        int separator;
        while ((separator = text.indexOf("://", from)) >= 0) {
            int authority = separator + 3;
            int end = authority;
            while (end < text.length() && !endsAuthority(text.charAt(end))) {
                end++;
            }
            int at = text.lastIndexOf('@', end - 1);
            out.append(text, from, authority);
            if (at >= authority && !text.startsWith(MASK + "@", authority)) {
                out.append(MASK);
                from = at;
            } else {
                from = authority;
            }
        }
        out.append(text, from, text.length());
        return out.toString();
    }

    /** True when the text holds a URL with user information. */
    public static boolean carriesUserInfo(String text) {
        return text != null && !redact(text).equals(text);
    }

    private static boolean endsAuthority(char c) {
        return c == '/' || c == '?' || c == '#' || Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<'
                || c == '>' || c == ')' || c == ',' || c == ';';
    }
}

package dev.parley.signon.control;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the browser goes after signing on: a path on this server, never another site. Anything else
 * becomes {@code /}: an open redirect would hand the one-time code in the fragment to whoever's page
 * it lands on.
 */
public final class ReturnPaths {
    static final int MAX_LENGTH = 512;

    private ReturnPaths() {
    }

    /** {@code returnTo} if it is a path on this server (one leading {@code /}, no {@code //}, no backslash, no fragment), else {@code /}. */
    public static String safe(String returnTo) {
        if (returnTo == null || returnTo.isEmpty() || returnTo.length() > MAX_LENGTH) return "/";
        if (returnTo.charAt(0) != '/' || returnTo.startsWith("//")) return "/";
        for (char c : returnTo.toCharArray()) {
            if (c == '\\' || c == '#' || c < 0x21 || c == 0x7f) return "/";
        }
        int query = returnTo.indexOf('?');
        String path = query < 0 ? returnTo : returnTo.substring(0, query);
        if (path.contains("//") || path.contains(":")) return "/";
        try {
            URI uri = new URI(returnTo); // characters a URI may not hold would fail the redirect
            return uri.getScheme() == null && uri.getRawAuthority() == null ? returnTo : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}

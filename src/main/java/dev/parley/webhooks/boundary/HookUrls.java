package dev.parley.webhooks.boundary;

import dev.parley.http.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * The absolute URL of a webhook, as the person making it reached this server: the request's scheme
 * and Host, or, from a trusted proxy ({@code PARLEY_TRUSTED_PROXIES}), its {@code X-Forwarded-Proto}
 * and {@code X-Forwarded-Host}, so that a proxy ending TLS yields an {@code https} URL.
 */
final class HookUrls {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");

    private HookUrls() {
    }

    static String of(HttpServletRequest request, ClientAddress addresses, long id, String secret) {
        String scheme = request.getScheme();
        String host = request.getHeader("Host");
        if (addresses.fromTrustedProxy(request)) {
            String proto = last(request.getHeader("X-Forwarded-Proto"));
            if ("http".equalsIgnoreCase(proto) || "https".equalsIgnoreCase(proto)) scheme = proto.toLowerCase(java.util.Locale.ROOT);
            String forwardedHost = last(request.getHeader("X-Forwarded-Host"));
            if (forwardedHost != null && HOST.matcher(forwardedHost).matches()) host = forwardedHost;
        }
        if (host == null || !HOST.matcher(host).matches()) host = request.getServerName() + ":" + request.getServerPort();
        return scheme + "://" + host + request.getContextPath() + "/hooks/" + id + "/" + secret;
    }

    /** The value the nearest proxy wrote: the last of a comma-separated list. */
    private static String last(String header) {
        if (header == null) return null;
        String[] values = header.split(",");
        String value = values[values.length - 1].strip();
        return value.isEmpty() ? null : value;
    }
}

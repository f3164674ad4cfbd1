package dev.parley.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which browser origins may use Parley: its own, and those in {@code PARLEY_ALLOWED_ORIGINS}. A
 * request with no {@code Origin} header comes from no browser page and is not an origin question.
 */
@ApplicationScoped
public class Origins {
    private final Set<String> allowed;

    @Inject
    public Origins(@ConfigProperty(name = "parley.allowed-origins") Optional<String> configured) {
        this.allowed = Arrays.stream(configured.orElse("").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Origins::normalize)
                .collect(Collectors.toUnmodifiableSet());
    }

    protected Origins() {
        this.allowed = Set.of();
    }

    /** Whether a page at {@code origin} may talk to this server, reached as {@code host}. */
    public boolean allows(String origin, String host) {
        if (origin == null) return true;
        String normalized = normalize(origin);
        return allowed.contains(normalized) || isSameOrigin(normalized, host);
    }

    /** Same origin when the Origin's authority is the Host the request was sent to. */
    private static boolean isSameOrigin(String origin, String host) {
        if (host == null) return false;
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) return false;
            int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
            String hostLower = host.toLowerCase(Locale.ROOT);
            String withPort = uri.getHost() + ":" + port;
            return hostLower.equals(withPort) || (hostLower.equals(uri.getHost()) && (port == 80 || port == 443));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String normalize(String origin) {
        String lower = origin.toLowerCase(Locale.ROOT);
        return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
    }
}

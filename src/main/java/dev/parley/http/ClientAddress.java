package dev.parley.http;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request came from, the one place that says so: login throttling, sign-up limits and
 * the address sessions record all use it. Behind a reverse proxy listed in {@code PARLEY_TRUSTED_PROXIES}
 * it is taken from {@code X-Forwarded-For}; from anyone else that header is ignored, since a client
 * can write whatever it likes there.
 */
@ApplicationScoped
public class ClientAddress {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    @Inject
    @ConfigProperty(name = "parley.trusted-proxies")
    Optional<String> trustedProxies;

    private Set<String> trusted;

    @PostConstruct
    void init() {
        trusted = parseTrusted(trustedProxies.orElse(""));
    }

    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")), trusted);
    }

    /** Whether the request came straight from a trusted proxy, whose {@code X-Forwarded-*} headers may be believed. */
    public boolean fromTrustedProxy(HttpServletRequest request) {
        String peer = normalize(request.getRemoteAddr());
        return peer != null && trusted.contains(peer);
    }

    /**
     * The client's address: the direct peer, unless the peer is a trusted proxy; then the nearest
     * address in {@code X-Forwarded-For} (read from the right, as each proxy appends) that is not a
     * trusted proxy itself. Entries that are not IP addresses end the walk (a client's own garbage).
     */
    public static String resolve(String peer, List<String> forwardedFor, Set<String> trusted) {
        String client = normalize(peer);
        if (client == null) return peer;
        if (!trusted.contains(client) || forwardedFor == null) return client;
        List<String> hops = forwardedFor.stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip).filter(h -> !h.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = normalize(hops.get(i));
            if (hop == null) return client;
            client = hop;
            if (!trusted.contains(hop)) return hop;
        }
        return client;
    }

    static Set<String> parseTrusted(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::strip).filter(s -> !s.isEmpty())
                .map(a -> {
                    String normal = normalize(a);
                    if (normal == null) throw new IllegalArgumentException("parley.trusted-proxies: not an IP address: " + a);
                    return normal;
                })
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The canonical text of an IP address literal, or null; never a DNS lookup. */
    static String normalize(String address) {
        if (address == null) return null;
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
        if (IPV4.matcher(a).matches()) {
            int[] octets = Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray();
            if (Arrays.stream(octets).anyMatch(o -> o > 255)) return null;
            return Arrays.stream(octets).mapToObj(Integer::toString).collect(Collectors.joining("."));
        }
        if (a.length() > 45 || !IPV6.matcher(a).matches()) return null;
        try {
            return InetAddress.getByName(a).getHostAddress(); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }
}

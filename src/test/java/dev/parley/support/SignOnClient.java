package dev.parley.support;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser for sign-on through the build's Keycloak ({@link Keycloak}): one cookie
 * jar, redirects followed by hand so that each step can be looked at (and tampered with). The steps:
 * {@link #start} at Parley, {@link #logInAtProvider} on Keycloak's login form, {@link #callback} at
 * Parley, whose redirect carries the one-time code that {@link #exchange} trades for a session.
 */
public final class SignOnClient {
    /** The Keycloak of the build (pom.xml, it.keycloak.port). */
    public static final String KEYCLOAK = System.getProperty("parley.it.keycloak.url", "http://127.0.0.1:18380");
    /** The client of the test server the tests run against (Payara's or WildFly's), as the realm file names it. */
    public static final String CLIENT_ID = System.getProperty("parley.it.keycloak.client-id", "parley-payara");
    /** Every test user's password in the realm file (src/test/keycloak). */
    public static final String PASSWORD = System.getProperty("parley.it.keycloak.user-password", "kc-user-password");
    public static final String ISSUER = KEYCLOAK + "/realms/parley";

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final Api parley;
    private final Jar cookies = new Jar();
    private final HttpClient http;

    public SignOnClient(Api parley) {
        this.parley = parley;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A full sign-in as the Keycloak user {@code username}: the code from the fragment of where it ends. */
    public String signIn(String username) {
        URI landing = callback(logInAtProvider(start("/"), username));
        return codeIn(landing);
    }

    /** A full sign-in and the exchange: a session, as login gives one. */
    public Api.Login signInAndExchange(String username) {
        Api.Reply reply = exchange(signIn(username));
        if (reply.status() != 200) throw new IllegalStateException("exchange: " + reply.status() + " " + reply.body());
        return Api.loginOf(reply.json().getJsonObject("user").getString("username"), reply.json());
    }

    /** GET /api/auth/oidc/start: the provider's authorization URL it redirects to. */
    public URI start(String returnTo) {
        String query = returnTo == null ? "" : "?returnTo=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8);
        HttpResponse<String> reply = get(URI.create(parley.url() + "/api/auth/oidc/start" + query));
        if (reply.statusCode() != 302) throw new IllegalStateException("start: " + reply.statusCode() + " " + reply.body());
        return location(reply);
    }

    /** Keycloak's login page for {@code authorization}, its form filled and sent: the redirect to Parley's callback. */
    public URI logInAtProvider(URI authorization, String username) {
        HttpResponse<String> page = get(authorization);
        if (page.statusCode() != 200) throw new IllegalStateException("Keycloak's login page: " + page.statusCode());
        Matcher form = FORM_ACTION.matcher(page.body());
        if (!form.find()) throw new IllegalStateException("no login form on Keycloak's page: " + page.body());
        URI action = URI.create(form.group(1).replace("&amp;", "&"));
        HttpResponse<String> sent = send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", PASSWORD, "credentialId", "")))));
        if (sent.statusCode() != 302) throw new IllegalStateException("Keycloak's login: " + sent.statusCode() + " " + sent.body());
        return location(sent);
    }

    /** GET Parley's callback: where it sends the browser (returnTo with #code=, or /#signin-error=). */
    public URI callback(URI callback) {
        HttpResponse<String> reply = get(callback);
        if (reply.statusCode() != 302) throw new IllegalStateException("callback: " + reply.statusCode() + " " + reply.body());
        return location(reply);
    }

    /** POST /api/auth/oidc/exchange. */
    public Api.Reply exchange(String code) {
        return parley.post("/api/auth/oidc/exchange", null, Json.createObjectBuilder().add("code", code).build().toString());
    }

    /** The browser-binding cookie Parley set at {@link #start}, or null. */
    public String browserCookie() {
        return cookies.value("parley_signin");
    }

    /** Drops Parley's browser-binding cookie, as a browser that did not start the sign-in lacks it. */
    public void forgetBrowserCookie() {
        cookies.remove("parley_signin");
    }

    /** Sets Parley's browser-binding cookie to {@code value}, as another browser's. */
    public void useBrowserCookie(String value) {
        cookies.set(URI.create(parley.url()).getHost(), "/api/auth/oidc", "parley_signin", value);
    }

    /**
     * Cookies as a browser keeps them (by host, not port; sent to paths under theirs; gone at
     * Max-Age=0), in the form browsers send: the JDK's CookieManager takes a Set-Cookie with Max-Age
     * and no Expires for an RFC 2965 cookie and sends it back quoted with {@code $Version}, which
     * Keycloak does not read.
     */
    private static final class Jar extends java.net.CookieHandler {
        private record Cookie(String host, String path, String name, String value) {
        }

        private final java.util.List<Cookie> cookies = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers) {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String header = cookies.stream().filter(c -> c.host().equals(uri.getHost()) && path.startsWith(c.path()))
                    .map(c -> c.name() + "=" + c.value()).collect(Collectors.joining("; "));
            return header.isEmpty() ? Map.of() : Map.of("Cookie", java.util.List.of(header));
        }

        @Override
        public void put(URI uri, Map<String, java.util.List<String>> headers) {
            headers.forEach((name, values) -> {
                if (name == null || !name.equalsIgnoreCase("Set-Cookie")) return;
                for (String header : values) {
                    String[] parts = header.split(";");
                    int eq = parts[0].indexOf('=');
                    if (eq <= 0) continue;
                    String path = "/";
                    boolean gone = false;
                    for (int i = 1; i < parts.length; i++) {
                        String attribute = parts[i].strip();
                        String lower = attribute.toLowerCase(java.util.Locale.ROOT);
                        if (lower.startsWith("path=")) path = attribute.substring(5);
                        if (lower.equals("max-age=0") || lower.startsWith("expires=thu, 01 jan 1970") || lower.startsWith("expires=thu, 01-jan-1970")) gone = true;
                    }
                    String cookieName = parts[0].substring(0, eq).strip();
                    String value = parts[0].substring(eq + 1).strip();
                    if (gone || value.isEmpty()) remove(uri.getHost(), path, cookieName);
                    else set(uri.getHost(), path, cookieName, value);
                }
            });
        }

        void set(String host, String path, String name, String value) {
            remove(host, path, name);
            cookies.add(new Cookie(host, path, name, value));
        }

        private void remove(String host, String path, String name) {
            cookies.removeIf(c -> c.host().equals(host) && c.path().equals(path) && c.name().equals(name));
        }

        void remove(String name) {
            cookies.removeIf(c -> c.name().equals(name));
        }

        String value(String name) {
            return cookies.stream().filter(c -> c.name().equals(name)).map(Cookie::value).findFirst().orElse(null);
        }
    }

    /** The one-time code in a landing URL's fragment ({@code #code=...}), or an error naming the URL. */
    public static String codeIn(URI landing) {
        String fragment = landing.getRawFragment();
        if (fragment == null || !fragment.startsWith("code=")) throw new IllegalStateException("no code in " + landing);
        return fragment.substring("code=".length());
    }

    /** A query parameter of {@code uri}, decoded, or null. */
    public static String param(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    /** {@code uri} with the query parameter {@code name} set to {@code value} (removed when null). */
    public static URI withParam(URI uri, String name, String value) {
        String query = java.util.Arrays.stream(uri.getRawQuery().split("&"))
                .filter(pair -> !pair.startsWith(name + "=")).collect(Collectors.joining("&"));
        if (value != null) query = query + "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        String base = uri.toString();
        return URI.create(base.substring(0, base.indexOf('?')) + "?" + query);
    }

    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI location(HttpResponse<String> reply) {
        URI location = URI.create(reply.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("no Location")));
        return reply.uri().resolve(location);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

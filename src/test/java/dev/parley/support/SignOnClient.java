package dev.parley.support;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
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
    private final CookieManager cookies = new CookieManager();
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
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("parley_signin"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Drops Parley's browser-binding cookie, as a browser that did not start the sign-in lacks it. */
    public void forgetBrowserCookie() {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("parley_signin"))
                .toList().forEach(c -> cookies.getCookieStore().getURIs()
                        .forEach(uri -> cookies.getCookieStore().remove(uri, c)));
    }

    /** Sets Parley's browser-binding cookie to {@code value}, as another browser's. */
    public void useBrowserCookie(String value) {
        forgetBrowserCookie();
        HttpCookie cookie = new HttpCookie("parley_signin", value);
        cookie.setPath("/api/auth/oidc");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(parley.url() + "/api/auth/oidc/callback"), cookie);
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

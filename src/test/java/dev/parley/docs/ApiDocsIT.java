package dev.parley.docs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Contract;
import dev.parley.support.Contract.Endpoint;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.yaml.snakeyaml.Yaml;

/** /openapi, /docs and /asyncapi.yaml document every REST endpoint and Socket.IO event of the contract. */
class ApiDocsIT {
    private final Api api = Api.server();

    @Test
    void openApiDescribesEveryEndpointWithItsErrors() {
        Map<String, Object> doc = Docs.yaml(fetch("/openapi"));
        assertTrue(Docs.string(doc, "openapi").startsWith("3."), "an OpenAPI 3 document");
        assertEquals("Parley", Docs.string(doc, "info", "title"));
        assertTrue(Docs.string(doc, "info", "description").contains("/asyncapi.yaml"), "links the AsyncAPI document");
        assertEquals("bearer", Docs.string(doc, "components", "securitySchemes", "bearer", "scheme"));
        assertEquals(List.of("code", "message"), List.copyOf(Docs.map(doc, "components", "schemas", "Error",
                "properties", "error", "properties").keySet()), "the contract's error shape");

        List<Executable> checks = new ArrayList<>();
        for (Endpoint endpoint : Contract.REST) checks.add(() -> documented(doc, endpoint));
        assertAll(checks);
        Docs.assertRefsResolve(doc);
    }

    private static void documented(Map<String, Object> doc, Endpoint endpoint) {
        Map<String, Object> operation = Docs.map(doc, "paths", endpoint.path(), endpoint.method().toLowerCase(Locale.ROOT));
        assertNotNull(operation, endpoint + " is not in /openapi");
        assertFalse(Docs.string(operation, "summary").isBlank(), endpoint + " has a summary");
        assertFalse(Docs.string(operation, "description").isBlank(), endpoint + " has a description");
        assertFalse(((List<?>) operation.get("tags")).isEmpty(), endpoint + " has a tag");
        assertEquals(endpoint.authenticated(), operation.containsKey("security"), endpoint + " says whether it needs a token");
        Map<String, Object> responses = Docs.map(operation, "responses");
        assertTrue(responses.containsKey(String.valueOf(endpoint.success())), endpoint + " documents " + endpoint.success());
        List<Integer> errors = new ArrayList<>(endpoint.errors());
        if (endpoint.authenticated()) errors.add(401);
        for (int status : errors) {
            Map<String, Object> response = Docs.map(responses, String.valueOf(status));
            assertNotNull(response, endpoint + " documents " + status);
            Map<String, Object> resolved = Docs.resolve(doc, response);
            assertEquals("#/components/schemas/Error", Docs.string(resolved, "content", "application/json", "schema", "$ref"),
                    endpoint + " " + status + " has the error shape");
            assertFalse(Docs.string(resolved, "description").isBlank());
        }
    }

    @Test
    void openApiIsServedAsJsonToo() {
        Api.Reply json = api.get("/openapi?format=JSON", null);
        assertEquals(200, json.status());
        assertEquals(Docs.map(Docs.yaml(fetch("/openapi")), "paths").keySet(), json.json().getJsonObject("paths").keySet());
    }

    @Test
    void docsPageLoadsSwaggerUiOnOpenApiAndLinksTheAsyncApiDocument() {
        Api.Reply bare = api.get("/docs", null);
        assertTrue(bare.status() == 301 || bare.status() == 302, "/docs redirects: " + bare.status());
        assertEquals("/docs/", URI.create(bare.response().headers().firstValue("Location").orElseThrow()).getPath());

        String page = fetch("/docs/");
        assertTrue(page.contains("href=\"/asyncapi.yaml\""), "a visible link to the AsyncAPI document");
        assertTrue(page.contains("href=\"/openapi\""), "a link to the OpenAPI document");
        Matcher assets = Pattern.compile("<(?:script|link)[^>]*(?:src|href)=\"([^\"]+\\.(?:js|css))\"").matcher(page);
        List<String> loaded = new ArrayList<>();
        while (assets.find()) {
            String path = URI.create("/docs/").resolve(assets.group(1)).getPath();
            assertFalse(fetch(path).isEmpty(), path);
            loaded.add(path);
        }
        assertTrue(loaded.stream().anyMatch(p -> p.endsWith("/swagger-ui-bundle.js")), "Swagger UI's bundle: " + loaded);
        assertTrue(loaded.stream().anyMatch(p -> p.endsWith("/swagger-ui.css")), "Swagger UI's styles: " + loaded);
        assertTrue(fetch("/docs/docs.js").contains("url: \"/openapi\""), "Swagger UI reads /openapi");
    }

    @Test
    void asyncApiDocumentsEverySocketEventWithItsPayloadAndAck() {
        Map<String, Object> doc = Docs.yaml(fetch("/asyncapi.yaml"));
        assertTrue(Docs.string(doc, "asyncapi").startsWith("2.6"), "an AsyncAPI 2.6 document");
        Docs.assertRefsResolve(doc);
        Map<String, Object> namespace = Docs.map(doc, "channels", "/");
        Map<String, Map<String, Object>> sent = Docs.messagesByName(doc, Docs.map(namespace, "publish", "message"));
        Map<String, Map<String, Object>> received = Docs.messagesByName(doc, Docs.map(namespace, "subscribe", "message"));

        List<Executable> checks = new ArrayList<>();
        for (String event : Contract.CLIENT_EVENTS) {
            checks.add(() -> {
                Map<String, Object> message = sent.get(event);
                assertNotNull(message, "client event '" + event + "' is documented");
                assertNotNull(message.get("payload"), event + " has a payload schema");
                assertNotNull(message.get("x-ack"), event + " documents its ack");
            });
        }
        for (String event : Contract.SERVER_EVENTS) {
            checks.add(() -> {
                Map<String, Object> message = received.get(event);
                assertNotNull(message, "server event '" + event + "' is documented");
                assertTrue(Docs.resolve(doc, Docs.map(message, "payload")).size() > 0, event + " has a payload schema");
            });
        }
        assertAll(checks);
        Object connectErrors = Docs.map(received.get("connect_error"), "payload", "properties", "message").get("enum");
        assertTrue(connectErrors instanceof List<?> messages && messages.containsAll(List.of("unauthorized", "rate_limited", "Invalid namespace")),
                "connect_error messages: " + connectErrors);
        assertEquals(List.of("code", "message"), List.copyOf(Docs.map(doc, "components", "schemas", "ErrorDetail", "properties").keySet()));
        assertTrue(Docs.string(doc, "info", "description").contains("{ok: false, error: {code, message}}"));
    }

    private String fetch(String path) {
        Api.Reply reply = api.get(path, null);
        assertEquals(200, reply.status(), () -> path + ": " + reply.status());
        return reply.body();
    }

    /** Reading the documents as plain maps. */
    static final class Docs {
        private Docs() {
        }

        static Map<String, Object> yaml(String text) {
            return new Yaml().load(text);
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> map(Map<String, Object> from, String... keys) {
            Object at = from;
            for (String key : keys) {
                if (!(at instanceof Map<?, ?> m)) return null;
                at = m.get(key);
            }
            return (Map<String, Object>) at;
        }

        static String string(Map<String, Object> from, String... keys) {
            Map<String, Object> parent = map(from, java.util.Arrays.copyOf(keys, keys.length - 1));
            Object value = parent == null ? null : parent.get(keys[keys.length - 1]);
            return value == null ? "" : value.toString();
        }

        /** The object a {@code $ref} names, or the object itself. */
        static Map<String, Object> resolve(Map<String, Object> doc, Map<String, Object> node) {
            Object ref = node.get("$ref");
            if (!(ref instanceof String pointer)) return node;
            Map<String, Object> target = map(doc, pointer.substring(2).split("/"));
            assertNotNull(target, "unresolved " + pointer);
            return resolve(doc, target);
        }

        /** An AsyncAPI operation's messages ({@code oneOf} of refs), by event name. */
        @SuppressWarnings("unchecked")
        static Map<String, Map<String, Object>> messagesByName(Map<String, Object> doc, Map<String, Object> message) {
            Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
            for (Object each : (List<Object>) message.get("oneOf")) {
                Map<String, Object> resolved = resolve(doc, (Map<String, Object>) each);
                byName.put(string(resolved, "name"), resolved);
            }
            return byName;
        }

        /** Every local {@code $ref} anywhere in the document points at something. */
        static void assertRefsResolve(Map<String, Object> doc) {
            walk(doc, doc);
        }

        @SuppressWarnings("unchecked")
        private static void walk(Map<String, Object> doc, Object node) {
            if (node instanceof Map<?, ?> m) {
                if (m.get("$ref") instanceof String ref && ref.startsWith("#/")) resolve(doc, (Map<String, Object>) m);
                m.values().forEach(v -> walk(doc, v));
            } else if (node instanceof List<?> l) {
                l.forEach(v -> walk(doc, v));
            }
        }
    }
}

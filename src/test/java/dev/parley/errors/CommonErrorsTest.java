package dev.parley.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Constructible;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.spi.OASFactoryResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which error responses an operation gets from its shape alone, on a model of plain property bags. */
class CommonErrorsTest {

    @BeforeAll
    static void models() {
        OASFactoryResolver.setInstance(new OASFactoryResolver() {
            @Override
            public <T extends Constructible> T createObject(Class<T> type) {
                return model(type, Map.of());
            }
        });
    }

    @Test
    void aSecuredOperationOnANamedRoomWithABodyGetsTheUnauthorizedInvalidForbiddenAndNotFoundResponsesInStatusOrder() {
        Operation handOver = operation(true, model(RequestBody.class, Map.of()), List.of(), "200");

        document("/api/rooms/{name}/owner", handOver);

        assertEquals(Map.of("400", "InvalidPayload", "401", "Unauthorized", "403", "Forbidden", "404", "NotFound"), refs(handOver));
        assertEquals(List.of("200", "400", "401", "403", "404"), List.copyOf(handOver.getResponses().getAPIResponses().keySet()));
    }

    @Test
    void anOpenOperationKeepsWhatItWritesAndGetsNoUnauthorized() {
        Operation login = operation(false, model(RequestBody.class, Map.of()), List.of(), "200");
        APIResponse wrongPassword = model(APIResponse.class, Map.of("description", "written on the method"));
        login.getResponses().addAPIResponse("401", wrongPassword);

        document("/api/auth/login", login);

        assertEquals(Map.of("400", "InvalidPayload"), refs(login));
        assertSame(wrongPassword, login.getResponses().getAPIResponses().get("401"));
    }

    @Test
    void aQueryParameterCanBeMalformedButAPathWithoutNamesFindsNothingMissing() {
        Operation search = operation(true, null, List.of(model(Parameter.class, Map.of("in", Parameter.In.QUERY))), "200");
        Operation list = operation(true, null, List.of(), "200");

        document("/api/search", search);
        document("/api/rooms", list);

        assertEquals(Map.of("400", "InvalidPayload", "401", "Unauthorized"), refs(search));
        assertEquals(Map.of("401", "Unauthorized"), refs(list));
    }

    private static void document(String path, Operation operation) {
        PathItem item = model(PathItem.class, Map.of("operations", Map.of(PathItem.HttpMethod.POST, operation)));
        Paths paths = model(Paths.class, Map.of("pathItems", Map.of(path, item)));
        CommonErrors.document(model(OpenAPI.class, Map.of("paths", paths)));
    }

    private static Operation operation(boolean secured, RequestBody body, List<Parameter> parameters, String success) {
        Map<String, Object> properties = new HashMap<>();
        APIResponses responses = model(APIResponses.class, Map.of());
        responses.setAPIResponses(new LinkedHashMap<>(Map.of(success, model(APIResponse.class, Map.of("description", "ok")))));
        properties.put("responses", responses);
        properties.put("parameters", parameters);
        if (secured) properties.put("security", List.of(model(SecurityRequirement.class, Map.of())));
        if (body != null) properties.put("requestBody", body);
        return model(Operation.class, properties);
    }

    /** Each added response's component, by status: only the refs the rules wrote. */
    private static Map<String, String> refs(Operation operation) {
        Map<String, String> refs = new HashMap<>();
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (response.getRef() != null) refs.put(status, response.getRef().substring("#/components/responses/".length()));
        });
        return refs;
    }

    /** A model object whose getters, setters and fluent setters read and write one map of properties. */
    @SuppressWarnings("unchecked")
    private static <T> T model(Class<T> type, Map<String, Object> initial) {
        Map<String, Object> properties = new HashMap<>(initial);
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("getAPIResponses")) return properties.getOrDefault("APIResponses", Map.of());
            if (name.equals("addAPIResponse")) {
                Map<String, Object> all = new LinkedHashMap<>((Map<String, Object>) properties.getOrDefault("APIResponses", Map.of()));
                all.put((String) args[0], args[1]);
                properties.put("APIResponses", all);
                return proxy;
            }
            if (name.startsWith("get") && (args == null || args.length == 0)) return properties.get(property(name.substring(3)));
            if (name.startsWith("set") && args != null && args.length == 1) {
                properties.put(property(name.substring(3)), args[0]);
                return null;
            }
            if (args != null && args.length == 1) {
                properties.put(name, args[0]);
                return proxy;
            }
            if (name.equals("hashCode")) return System.identityHashCode(proxy);
            if (name.equals("equals")) return proxy == args[0];
            throw new UnsupportedOperationException(type.getSimpleName() + "." + name);
        });
    }

    private static String property(String accessor) {
        return accessor.equals("APIResponses") ? accessor : Character.toLowerCase(accessor.charAt(0)) + accessor.substring(1);
    }
}

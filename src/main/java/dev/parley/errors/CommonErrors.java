package dev.parley.errors;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The error responses that follow from an operation's shape, documented once here rather than on every
 * resource method: a bearer token can be refused (401), a body or a query parameter can be malformed
 * (400), a path that names something can name nothing (404), and a room, a message or the admin API
 * can refuse the caller (403). Whatever else an operation answers (409, 413, 429...) its method says
 * with {@code @APIResponse}. The OpenAPI filter calls this once the
 * model is built from the annotations; responses are then listed by status code.
 */
public final class CommonErrors {
    /** Paths under a room, a message or the admin API: what they name has its own rule of who may act on it. */
    static final List<String> GUARDED = List.of("/api/rooms/{name}", "/api/messages/{id}", "/api/admin/");

    private CommonErrors() {
    }

    public static void document(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) return;
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() != null) item.getOperations().values().forEach(operation -> document(path, operation));
        });
    }

    private static void document(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null || responses.getAPIResponses() == null) return;
        Map<String, APIResponse> byStatus = new TreeMap<>(responses.getAPIResponses());
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) byStatus.putIfAbsent("401", ref("Unauthorized"));
        if (operation.getRequestBody() != null || hasQuery(operation.getParameters())) byStatus.putIfAbsent("400", ref("InvalidPayload"));
        if (path.contains("{")) byStatus.putIfAbsent("404", ref("NotFound"));
        if (GUARDED.stream().anyMatch(path::startsWith)) byStatus.putIfAbsent("403", ref("Forbidden"));
        responses.setAPIResponses(byStatus);
    }

    private static boolean hasQuery(List<Parameter> parameters) {
        return parameters != null && parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
    }

    /** One of the responses of {@code META-INF/openapi.yaml}. */
    private static APIResponse ref(String name) {
        return OASFactory.createAPIResponse().ref("#/components/responses/" + name);
    }
}

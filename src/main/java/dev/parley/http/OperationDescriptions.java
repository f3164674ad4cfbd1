package dev.parley.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The long description of each REST operation, kept by operationId in
 * {@code META-INF/openapi-descriptions.properties}: prose read as a whole beside the contract, while a
 * resource method's annotations keep what its code decides (verb, path, responses). A description
 * written on the annotation wins.
 */
final class OperationDescriptions {
    static final String FILE = "META-INF/openapi-descriptions.properties";

    private OperationDescriptions() {
    }

    static void add(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) return;
        Properties text = load();
        api.getPaths().getPathItems().values().forEach(item -> {
            if (item.getOperations() == null) return;
            item.getOperations().values().forEach(operation -> {
                String description = operation.getOperationId() == null ? null : text.getProperty(operation.getOperationId());
                if (operation.getDescription() == null && description != null) operation.setDescription(description);
            });
        });
    }

    static Properties load() {
        Properties text = new Properties();
        try (InputStream in = OperationDescriptions.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) throw new IllegalStateException(FILE + " is missing from the application");
            text.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text;
    }
}

package dev.parley.http;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one JSON-B configuration for REST bodies and Socket.IO payloads alike: nulls are written
 * (the contract has {@code room: null} and {@code to: null}), timestamps as ISO-8601.
 */
@Provider
public class Json implements ContextResolver<Jsonb> {
    public static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}

package dev.parley.realtime.server;

import dev.parley.errors.ErrorCode;
import dev.parley.platform.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.json.JSONObject;

/**
 * What Parley sends a socket, as socket.io-server wants it (org.json), written by the same JSON-B as
 * REST bodies: event payloads, acks ({@code {ok, ...}}), errors. What a socket sends is read by {@link Payload}.
 */
public final class SocketWriter {
    private SocketWriter() {
    }

    public static JSONObject json(Object value) {
        return new JSONObject(Json.JSONB.toJson(value));
    }

    /** {@code {ok: true, ...fields}} */
    public static JSONObject ok(Map<String, ?> fields) {
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("ok", true);
        ack.putAll(fields);
        return json(ack);
    }

    /** {@code {ok: false, error: {code, message}}} */
    public static JSONObject failed(ErrorCode code, String message) {
        return new JSONObject().put("ok", false).put("error", error(code, message));
    }

    /** {@code {code, message}}, the payload of an {@code error} event. */
    public static JSONObject error(ErrorCode code, String message) {
        return new JSONObject().put("code", code.wire()).put("message", message);
    }
}

package dev.parley.realtime.server;

import dev.parley.errors.InvalidPayload;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/** An event's payload object, read with the contract's checks: a wrong shape is {@code invalid_payload}. */
public final class Payload {
    private final JSONObject json;

    private Payload(JSONObject json) {
        this.json = json;
    }

    public static Payload of(Object raw) {
        if (raw == null) return new Payload(new JSONObject());
        if (raw instanceof JSONObject object) return new Payload(object);
        throw new InvalidPayload("The payload must be an object");
    }

    public String string(String key) {
        String value = optString(key);
        if (value == null) throw new InvalidPayload(key + " is required");
        return value;
    }

    public String optString(String key) {
        Object value = json.opt(key);
        if (value == null || value == JSONObject.NULL) return null;
        if (value instanceof String s) return s;
        throw new InvalidPayload(key + " must be a string");
    }

    public Long optLong(String key) {
        Object value = json.opt(key);
        if (value == null || value == JSONObject.NULL) return null;
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.longValue();
        throw new InvalidPayload(key + " must be a whole number");
    }

    /** An array of whole numbers (ids), e.g. a message's files; null when absent. */
    public List<Long> optIds(String key) {
        Object value = json.opt(key);
        if (value == null || value == JSONObject.NULL) return null;
        if (!(value instanceof JSONArray array)) throw new InvalidPayload(key + " must be an array of ids");
        List<Long> ids = new ArrayList<>(array.length());
        for (int i = 0; i < array.length(); i++) {
            if (!(array.opt(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new InvalidPayload(key + " must be an array of ids");
            }
            ids.add(n.longValue());
        }
        return ids;
    }

    /** An object of names to non-negative ids, e.g. {@code {"feed": 42}}; empty when absent. */
    public Map<String, Long> idsByName(String key) {
        Object value = json.opt(key);
        if (value == null || value == JSONObject.NULL) return Map.of();
        if (!(value instanceof JSONObject object)) throw new InvalidPayload(key + " must be an object of names to message ids");
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String name : object.keySet()) {
            Object id = object.get(name);
            if (!(id instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < 0) {
                throw new InvalidPayload(key + "." + name + " must be a message id");
            }
            ids.put(name, n.longValue());
        }
        return ids;
    }

    /** An ISO-8601 instant, e.g. a {@code syncedAt} the server gave. */
    public Instant optInstant(String key) {
        String value = optString(key);
        if (value == null) return null;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidPayload(key + " must be an ISO-8601 time such as 2026-11-21T10:15:30.123Z");
        }
    }

    /** A boolean, false when absent. */
    public boolean optBoolean(String key) {
        Object value = json.opt(key);
        if (value == null || value == JSONObject.NULL) return false;
        if (value instanceof Boolean b) return b;
        throw new InvalidPayload(key + " must be true or false");
    }

    public boolean has(String key) {
        return json.has(key) && json.opt(key) != JSONObject.NULL;
    }

    public Integer optInt(String key) {
        Long value = optLong(key);
        if (value == null) return null;
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) throw new InvalidPayload(key + " is out of range");
        return value.intValue();
    }
}

package dev.parley.realtime.engine;

/**
 * A Socket.IO v5 CONNECT packet ({@code 0}, an optional namespace ending at a comma, the auth JSON),
 * and the CONNECT_ERROR that answers it: {@code 44{...}} for the main namespace, {@code 44/nsp,{...}}
 * for any other, so that the client knows which of its namespaces was refused.
 */
public record ConnectPacket(String namespace, String auth) {
    public static final String MAIN = "/";

    /** {@code connectPacket} starts with {@code 0}. */
    public static ConnectPacket parse(String connectPacket) {
        String body = connectPacket.substring(1);
        if (!body.startsWith("/")) return new ConnectPacket(MAIN, body);
        int comma = body.indexOf(',');
        return comma < 0 ? new ConnectPacket(body, "") : new ConnectPacket(body.substring(0, comma), body.substring(comma + 1));
    }

    /** The Engine.IO message carrying a CONNECT_ERROR for {@code namespace} with a JSON-safe message. */
    public static String error(String namespace, String message) {
        String data = "{\"message\":\"" + message + "\"}";
        return MAIN.equals(namespace) ? "4" + data : "4" + namespace + "," + data;
    }
}

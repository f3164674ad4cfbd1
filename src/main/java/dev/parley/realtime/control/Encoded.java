package dev.parley.realtime.control;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.engineio.server.parser.Packet;
import io.socket.socketio.server.SocketIoSocket;
import org.json.JSONObject;

/**
 * An event whose payload is already JSON text, sent as is: {@code SocketIoSocket.send} wants org.json
 * objects, which a large payload kept encoded (the online list of {@code ready}) would be parsed into
 * and written out again for every socket.
 */
public final class Encoded {
    private Encoded() {
    }

    /** The event to this socket on namespace {@code /}; false if it is no longer connected. */
    public static boolean send(SocketIoSocket socket, String event, String payloadJson) {
        EngineIoSocket connection = socket.getClient().getConnection();
        if (!socket.isConnected() || connection.getReadyState() != ReadyState.OPEN) return false;
        Packet<Object> message = new Packet<>(Packet.MESSAGE);
        message.data = "2[" + JSONObject.quote(event) + "," + payloadJson + "]"; // Socket.IO EVENT, no namespace, no ack
        connection.send(message);
        return true;
    }
}

package dev.parley.realtime.control;

import io.socket.socketio.server.parser.Packet;
import io.socket.socketio.server.parser.Parser;
import org.json.JSONArray;

/**
 * An event packet built once, for the adapter's broadcast with exclusions: socket.io-server builds
 * these only in package-private code ({@code PacketUtils}).
 */
final class Packets {
    private Packets() {
    }

    static Packet<JSONArray> event(String name, Object payload) {
        return new Packet<>(Parser.EVENT, new JSONArray().put(name).put(payload));
    }
}

package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.OwnServer;
import dev.parley.support.RawHttp;
import dev.parley.support.Server;
import dev.parley.support.Sock;
import io.socket.client.IO;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A browser page from a foreign origin gets no Socket.IO connection, however the path is spelled:
 * the check is where the container has decoded the path and picked the servlet or endpoint.
 */
class OriginIT {
    private static final String EVIL = "Origin: https://evil.example";
    private static final String ALLOWED = "https://chat.example";
    @RegisterExtension
    static final OwnServer listing = OwnServer.named("origins", 4).with("parley.allowed-origins", ALLOWED);

    /** Spellings the container maps to the Socket.IO servlet or WebSocket endpoint. */
    @ParameterizedTest
    @ValueSource(strings = {"/socket.io/", "/%73ocket.io/", "/socket.io;x=1/", "//socket.io/", "/./socket.io/",
            "/x/../socket.io/", "/%2e/socket.io/", "/socket.io/..;/socket.io/", "/socket.io", "/socket.io;jsessionid=1/",
            "/socket.io/;x", "/socket.io//", "///socket.io/", "/api/../socket.io/"})
    void aForeignOriginGets403OnEverySpellingOfThePath(String path) {
        RawHttp.Response upgrade = RawHttp.server().upgrade(path + "?EIO=4&transport=websocket", EVIL);
        assertEquals(403, upgrade.status(), "WebSocket upgrade of " + path);
        RawHttp.Response polling = RawHttp.server().get(path + "?EIO=4&transport=polling", EVIL);
        assertEquals(403, polling.status(), "polling handshake on " + path + ": " + polling.body());
    }

    /** Spellings the container serves as something else (a 404): no upgrade, no Engine.IO session either. */
    @ParameterizedTest
    @ValueSource(strings = {"/%53ocket.io/", "/SOCKET.IO/", "/socket.io%2F"})
    void aForeignOriginGetsNoSessionOnOtherSpellings(String path) {
        RawHttp.Response upgrade = RawHttp.server().upgrade(path + "?EIO=4&transport=websocket", EVIL);
        assertTrue(upgrade.status() >= 400, "WebSocket upgrade of " + path + ": " + upgrade.status());
        RawHttp.Response polling = RawHttp.server().get(path + "?EIO=4&transport=polling", EVIL);
        assertTrue(polling.status() >= 400 && !polling.body().startsWith("0{"), "polling on " + path + ": " + polling.body());
    }

    @Test
    void theServersOwnOriginStillConnectsOnBothTransports() {
        String own = "Origin: " + Server.url();
        assertEquals(101, RawHttp.server().upgrade("/socket.io/?EIO=4&transport=websocket", own).status());
        RawHttp.Response polling = RawHttp.server().get("/socket.io/?EIO=4&transport=polling", own);
        assertEquals(200, polling.status(), polling.body());
        assertTrue(polling.body().startsWith("0{"), polling.body());

        Login me = Api.server().registerAndLogin("or_own");
        for (String transport : List.of("websocket", "polling")) {
            IO.Options options = Sock.options(me.token(), transport);
            options.extraHeaders = Map.of("Origin", List.of(Server.url()));
            try (Sock sock = Sock.open(options)) {
                sock.awaitReady();
            }
        }
    }

    @Test
    void aListedOriginConnectsWithCorsAndOthersStillGet403() {
        RawHttp raw = new RawHttp(listing.url());
        assertEquals(101, raw.upgrade("/socket.io/?EIO=4&transport=websocket", "Origin: " + ALLOWED).status());
        RawHttp.Response polling = raw.get("/socket.io/?EIO=4&transport=polling", "Origin: " + ALLOWED);
        assertEquals(200, polling.status(), polling.body());
        assertEquals(ALLOWED, polling.headers().get("access-control-allow-origin"));
        assertEquals(403, raw.upgrade("/%73ocket.io/?EIO=4&transport=websocket", EVIL).status());
        assertEquals(403, raw.get("//socket.io/?EIO=4&transport=polling", EVIL).status());
        assertFalse(raw.get("//socket.io/?EIO=4&transport=polling", EVIL).headers().containsKey("access-control-allow-origin"));

        Login me = listing.api().guest("or_listed");
        IO.Options options = Sock.options(me.token(), "polling", "websocket");
        options.extraHeaders = Map.of("Origin", List.of(ALLOWED));
        try (Sock sock = Sock.open(listing.url(), options)) {
            sock.awaitReady();
            assertTrue(sock.ack("message", "from a listed origin").getBoolean("ok"));
        }
    }
}

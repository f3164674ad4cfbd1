package dev.parley.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import org.junit.jupiter.api.Test;

class OperationsIT {
    private final Api api = Api.server();

    @Test
    void healthIsUpAndReadyWhileTheDatabaseAnswers() {
        var ready = api.get("/health/ready", null);
        assertEquals(200, ready.status());
        assertTrue(ready.body().contains("\"database\""));
        assertEquals(200, api.get("/health/live", null).status());
        assertEquals("UP", api.get("/health", null).json().getString("status"));
    }

    @Test
    void metricsCountSocketsMessagesAndDeliveries(@Registered("m_a") Login a, @Registered("m_b") Login b) {
        try (Sock sender = Sock.connect(a.token()); Sock receiver = Sock.connect(b.token())) {
            double stored = api.metric("parley_messages_stored_total");
            double delivered = api.metric("parley_deliveries_total");
            double writes = api.metric("parley_websocket_writes");
            assertTrue(api.metric("parley_connected_sockets") >= 2);
            sender.ack("message", "counted");
            receiver.awaitJson("message");
            assertEquals(stored + 1, api.metric("parley_messages_stored_total"));
            assertTrue(api.metric("parley_deliveries_total") >= delivered + 1);
            double writesNow = api.metric("parley_websocket_writes");
            assertTrue(writesNow >= writes + 2, "the ack and the message were written");
            assertTrue(api.metric("parley_websocket_frames") >= writesNow, "a write carries one frame or more");
        }
    }

    @Test
    void openApiDescribesTheRestApi() {
        var openapi = api.get("/openapi", null);
        assertEquals(200, openapi.status());
        for (String path : new String[] {"/api/auth/login", "/api/sessions", "/api/rooms/{name}/messages", "/api/users/me"}) {
            assertTrue(openapi.body().contains(path), path);
        }
    }

    @Test
    void unknownPathsGetTheContractsErrorShape() {
        var reply = api.get("/api/no/such/thing", null);
        assertEquals(404, reply.status());
        assertEquals("not_found", reply.errorCode());
    }

}

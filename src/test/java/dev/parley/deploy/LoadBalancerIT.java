package dev.parley.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.LoadBalancer;
import dev.parley.support.Server;
import dev.parley.support.Sock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The deployment's load balancer, {@code docker/haproxy.cfg} run by {@link LoadBalancer}, in front of
 * the build's test server: Socket.IO over WebSocket and over long-polling through it, every request of
 * a polling session answered by one node, and a node whose {@code /health/ready} fails taken out.
 * Ports from {@code parley.it.lb-port} up (five).
 */
class LoadBalancerIT {
    private static final int PORT = Integer.getInteger("parley.it.lb-port", 8271);
    private static final Duration CHECKS = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The test server as a node, host:port. */
    private static String testServer() {
        return "127.0.0.1:" + URI.create(Server.url()).getPort();
    }

    /** Both of the config's nodes are the test server, under two names: a response's node header shows which name took it. */
    @Test
    void socketsOverWebSocketAndPollingWorkThroughItAndAPollingSessionStaysOnOneNode() throws Exception {
        try (LoadBalancer lb = LoadBalancer.start("twice", PORT, testServer(), testServer())) {
            lb.awaitStatus("parley1", "UP", CHECKS);
            lb.awaitStatus("parley2", "UP", CHECKS);
            Api api = new Api(lb.url());
            Login alice = api.guest("lb");
            Login bob = api.guest("lb");
            String room = api.roomOf(alice, bob);
            try (Sock webSocket = Sock.connectTo(lb.url(), alice.token(), "websocket");
                 Sock polling = Sock.connectTo(lb.url(), bob.token(), "polling")) {
                assertTrue(webSocket.ack("message", Sock.say(room, "over a WebSocket")).getBoolean("ok"));
                assertEquals("over a WebSocket", polling.awaitJson("message").getString("text"));
                assertTrue(polling.ack("message", Sock.say(room, "over long-polling")).getBoolean("ok"));
                assertEquals("over long-polling", webSocket.awaitJson("message").getString("text"));
            }

            Set<String> nodes = new TreeSet<>();
            HttpResponse<String> open = poll(lb, null, null);
            nodes.add(node(open));
            String sid = new JSONObject(open.body().substring(1)).getString("sid");
            nodes.add(node(poll(lb, sid, "40" + new JSONObject().put("token", alice.token()))));
            nodes.add(node(poll(lb, sid, null))); // the CONNECT's answer and `ready`
            for (int i = 0; i < 10; i++) {
                nodes.add(node(poll(lb, sid, "42" + new org.json.JSONArray().put("typing").put(Sock.inRoom(room)))));
            }
            assertEquals(1, nodes.size(), "every request of one polling session on one node: " + nodes);
        }
    }

    @Test
    void aNodeThatIsNotReadyGetsNoTraffic() throws Exception {
        List<String> checked = new CopyOnWriteArrayList<>();
        HttpServer notReady = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT + 4), 0);
        notReady.createContext("/", exchange -> {
            checked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        notReady.start();
        try (LoadBalancer lb = LoadBalancer.start("not_ready", PORT + 2, testServer(), "127.0.0.1:" + (PORT + 4))) {
            lb.awaitStatus("parley2", "DOWN", CHECKS);
            lb.awaitStatus("parley1", "UP", CHECKS);
            assertTrue(checked.contains("GET /health/ready"), "HAProxy asks /health/ready: " + checked);
            int checks = checked.size();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> open = poll(lb, null, null);
                assertEquals(200, open.statusCode(), open.body());
                assertEquals("parley1", node(open));
            }
            Login carol = new Api(lb.url()).guest("lb");
            try (Sock webSocket = Sock.connectTo(lb.url(), carol.token(), "websocket")) {
                assertTrue(webSocket.connected());
            }
            assertTrue(checked.subList(checks, checked.size()).stream().allMatch(r -> r.equals("GET /health/ready")),
                    "nothing but health checks reached the node that is not ready: " + checked);
        } finally {
            notReady.stop(0);
        }
    }

    /** A polling request through the load balancer: the handshake ({@code sid} null), a GET, or a POST of {@code payload}. */
    private static HttpResponse<String> poll(LoadBalancer lb, String sid, String payload) throws Exception {
        String url = lb.url() + "/socket.io/?EIO=4&transport=polling" + (sid == null ? "" : "&sid=" + sid);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(40));
        if (payload != null) request.POST(HttpRequest.BodyPublishers.ofString(payload));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static String node(HttpResponse<String> response) {
        return response.headers().firstValue(LoadBalancer.NODE_HEADER).orElseThrow(() -> new AssertionError("no " + LoadBalancer.NODE_HEADER));
    }
}

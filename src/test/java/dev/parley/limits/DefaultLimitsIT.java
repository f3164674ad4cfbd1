package dev.parley.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.OwnServer;
import dev.parley.support.Sock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract's limits at their defaults, on a server of their own: the shared test server raises
 * the sign-up and REST write limits for the rest of the suite (pom.xml). Its one setting is a
 * trusted proxy, 127.0.0.9. Per-address limits are tripped from loopback addresses of each test's own.
 */
class DefaultLimitsIT {
    private static final String PROXY = "127.0.0.9";
    @RegisterExtension
    static final OwnServer server = OwnServer.named("strict", 0).with("parley.trusted-proxies", PROXY);
    private static final Api api = server.api();

    @Test
    void twentyNewAccountsFromOneAddressInAnHourThenTooMany() {
        for (int i = 0; i < 20; i++) {
            assertEquals(200, guestFrom("127.0.0.21", "").status(), "guest " + (i + 1));
        }

        Reply guest = guestFrom("127.0.0.21", "");
        assertEquals(429, guest.status());
        assertEquals("rate_limited", guest.errorCode());
        assertEquals(429, api.postFrom("127.0.0.21", "/api/auth/register", Api.credentials(Api.uniqueName("reg"), Api.PASSWORD)),
                "registrations and guest logins share the limit");
        assertEquals(200, guestFrom("127.0.0.22", "").status(), "another address is not limited");
    }

    @Test
    void behindATrustedProxyTheForwardedAddressIsTheClients() {
        Reply viaProxy = guestFrom(PROXY, "X-Forwarded-For: 198.51.100.7\r\n");
        assertEquals(200, viaProxy.status(), viaProxy.body());
        assertEquals("198.51.100.7", viaProxy.json().getJsonObject("session").getString("ip"));

        Reply direct = guestFrom("127.0.0.10", "X-Forwarded-For: 198.51.100.7\r\n");
        assertEquals(200, direct.status(), direct.body());
        assertEquals("127.0.0.10", direct.json().getJsonObject("session").getString("ip"), "not a trusted proxy: header ignored");
    }

    @Test
    void limitsBehindATrustedProxyFallOnTheForwardedAddressNotOnTheProxy() {
        for (int i = 0; i < 20; i++) {
            assertEquals(200, guestFrom(PROXY, "X-Forwarded-For: 198.51.100.8\r\n").status());
        }
        assertEquals(429, guestFrom(PROXY, "X-Forwarded-For: 198.51.100.8\r\n").status());
        assertEquals(429, guestFrom(PROXY, "X-Forwarded-For: 198.51.100.9, 198.51.100.8\r\n").status(),
                "what the client wrote before the proxy's entry does not count");
        assertEquals(200, guestFrom(PROXY, "X-Forwarded-For: 198.51.100.9\r\n").status());
    }

    @Test
    void restWritesBeyondTheUsersBudgetGet429UntilItRefills() throws Exception {
        Login me = api.guest("writer");
        ExecutorService senders = Executors.newFixedThreadPool(10);
        try {
            long start = System.nanoTime();
            List<CompletableFuture<Reply>> posts = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                // Every third a room creation: one budget for every kind of write.
                String path = i % 3 == 0 ? "/api/rooms" : "/api/rooms/feed/messages";
                String body = i % 3 == 0 ? Api.json("name", "w" + System.nanoTime() + i) : Api.json("text", "post " + i);
                posts.add(CompletableFuture.supplyAsync(() -> api.post(path, me.token(), body), senders));
            }
            List<Reply> replies = new ArrayList<>();
            for (CompletableFuture<Reply> post : posts) replies.add(post.get());
            double seconds = (System.nanoTime() - start) / 1e9;

            long stored = replies.stream().filter(r -> r.status() == 201).count();
            List<Reply> refused = replies.stream().filter(r -> r.status() != 201).toList();
            assertTrue(stored >= 20, "the burst of 20 is allowed: " + stored);
            assertTrue(stored <= 20 + Math.ceil(seconds * 5) + 1, stored + " stored in " + seconds + " s");
            assertTrue(!refused.isEmpty(), "none of 60 refused in " + seconds + " s");
            for (Reply r : refused) {
                assertEquals(429, r.status(), r.body());
                assertEquals("rate_limited", r.errorCode());
            }
            assertTrue(IntStream.range(0, 60).anyMatch(i -> i % 3 == 0 && replies.get(i).status() == 429), "room creations share the budget");
            assertTrue(IntStream.range(0, 60).anyMatch(i -> i % 3 != 0 && replies.get(i).status() == 429), "posts are limited");
        } finally {
            senders.shutdownNow();
        }
        Awaitility.await("the budget refills").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(300))
                .until(() -> api.post("/api/rooms/feed/messages", me.token(), Api.json("text", "again")).status() == 201);
    }

    @Test
    void theTwentyFirstSocketOfAUserIsRateLimited() {
        Login me = api.guest("sockets");
        List<Sock> sockets = new ArrayList<>();
        try {
            IntStream.range(0, 20).forEach(i -> sockets.add(Sock.connectTo(server.url(), me.token())));

            try (Sock extra = Sock.open(server.url(), Sock.options(me.token(), "websocket"))) {
                assertEquals("rate_limited", extra.awaitConnectError());
            }
            sockets.remove(0).close();
            Awaitility.await("a slot frees when a socket goes").atMost(Duration.ofSeconds(10)).until(() -> {
                try (Sock again = Sock.open(server.url(), Sock.options(me.token(), "websocket"))) {
                    return "ready".equals(again.awaitOutcome());
                }
            });
        } finally {
            sockets.forEach(Sock::close);
        }
    }

    private static Reply guestFrom(String address, String headers) {
        return api.postFrom(address, "/api/auth/guest", Api.json("username", Api.uniqueName("g")), headers);
    }
}

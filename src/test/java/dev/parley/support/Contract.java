package dev.parley.support;

import java.util.List;

/**
 * The public contract's surface as API.md lists it: every REST endpoint and every Socket.IO event.
 * The docs tests check each is documented; {@link Sock} records every server-to-client event.
 */
public final class Contract {
    private Contract() {
    }

    /** A REST endpoint, its success status and the error statuses API.md gives it (401 aside). */
    public record Endpoint(String method, String path, int success, boolean authenticated, List<Integer> errors) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static Endpoint open(String method, String path, int success, Integer... errors) {
        return new Endpoint(method, path, success, false, List.of(errors));
    }

    private static Endpoint authed(String method, String path, int success, Integer... errors) {
        return new Endpoint(method, path, success, true, List.of(errors));
    }

    public static final List<Endpoint> REST = List.of(
            open("POST", "/api/auth/register", 201, 400, 403, 409),
            open("POST", "/api/auth/login", 200, 400, 401, 403, 429),
            open("GET", "/api/auth/methods", 200),
            open("GET", "/api/auth/oidc/start", 302, 404),
            open("GET", "/api/auth/oidc/callback", 302),
            open("POST", "/api/auth/oidc/exchange", 200, 400, 401),
            open("POST", "/api/auth/oidc/backchannel-logout", 200, 400),
            open("POST", "/api/auth/guest", 200, 400, 403, 409),
            authed("POST", "/api/auth/refresh", 200),
            authed("POST", "/api/auth/logout", 204),
            authed("POST", "/api/auth/logout-all", 200),
            authed("GET", "/api/sessions", 200),
            authed("DELETE", "/api/sessions/{id}", 204, 404),
            authed("POST", "/api/sessions/terminate-others", 200),
            authed("GET", "/api/users/me", 200),
            authed("PATCH", "/api/users/me", 200, 400),
            authed("PUT", "/api/users/me/password", 204, 400),
            authed("DELETE", "/api/users/me", 204, 400),
            authed("POST", "/api/users/me/delete", 204, 400),
            authed("PUT", "/api/users/me/blocks/{username}", 204, 400, 404),
            authed("DELETE", "/api/users/me/blocks/{username}", 204, 404),
            authed("GET", "/api/users/me/blocks", 200),
            authed("GET", "/api/users/online", 200, 400),
            authed("GET", "/api/users", 200, 400, 429),
            authed("GET", "/api/users/me/export", 200, 403, 429),
            authed("GET", "/api/admin/rooms/{name}/export", 200, 403, 404, 429),
            authed("GET", "/api/rooms", 200),
            authed("POST", "/api/rooms", 201, 400, 409),
            authed("PUT", "/api/rooms/{name}/members/me", 200, 403, 404),
            authed("POST", "/api/rooms/{name}/invites", 204, 400, 403, 404),
            authed("DELETE", "/api/rooms/{name}/invites/{username}", 204, 403, 404),
            authed("DELETE", "/api/rooms/{name}/members/{username}", 204, 403, 404),
            authed("PUT", "/api/rooms/{name}/bans/{username}", 204, 403, 404),
            authed("DELETE", "/api/rooms/{name}/bans/{username}", 204, 403, 404),
            authed("PUT", "/api/rooms/{name}/moderators/{username}", 204, 403, 404),
            authed("DELETE", "/api/rooms/{name}/moderators/{username}", 204, 403, 404),
            authed("PUT", "/api/rooms/{name}/owner", 200, 400, 403, 404),
            authed("PATCH", "/api/rooms/{name}", 200, 400, 403, 404),
            authed("GET", "/api/rooms/{name}/members", 200, 400, 403, 404),
            authed("GET", "/api/rooms/{name}/bans", 200, 403, 404),
            authed("GET", "/api/rooms/{name}/invites", 200, 403, 404),
            authed("POST", "/api/rooms/{name}/webhooks", 201, 400, 403, 404, 429),
            authed("GET", "/api/rooms/{name}/webhooks", 200, 403, 404),
            authed("DELETE", "/api/rooms/{name}/webhooks/{id}", 204, 403, 404),
            open("POST", "/hooks/{id}/{secret}", 200, 400, 403, 404, 413, 429),
            authed("POST", "/api/admin/users/{username}/disable", 204, 403, 404),
            authed("POST", "/api/admin/users/{username}/enable", 204, 403, 404),
            authed("PUT", "/api/admin/users/{username}/admin", 204, 403, 404),
            authed("DELETE", "/api/admin/users/{username}/admin", 204, 403, 404),
            authed("GET", "/api/admin/users", 200, 400, 403),
            authed("POST", "/api/admin/users/{username}/sessions/terminate", 200, 403, 404),
            authed("GET", "/api/admin/rooms", 200, 400, 403),
            authed("GET", "/api/admin/stats", 200, 403),
            authed("DELETE", "/api/rooms/{name}/members/me", 204, 403, 404),
            authed("GET", "/api/rooms/{name}/messages", 200, 400, 404),
            authed("POST", "/api/rooms/{name}/messages", 201, 400, 403, 404, 413),
            authed("GET", "/api/conversations", 200),
            authed("GET", "/api/conversations/{username}/messages", 200, 400, 404),
            authed("POST", "/api/conversations/{username}/messages", 201, 400, 403, 404, 413),
            authed("POST", "/api/rooms/{name}/read", 204, 400, 403, 404),
            authed("POST", "/api/conversations/{username}/read", 204, 400, 404),
            authed("PATCH", "/api/messages/{id}", 200, 400, 403, 404, 413),
            authed("DELETE", "/api/messages/{id}", 204, 400, 403, 404),
            authed("PUT", "/api/messages/{id}/reactions/{emoji}", 204, 400, 403, 404),
            authed("DELETE", "/api/messages/{id}/reactions/{emoji}", 204, 400, 403, 404),
            authed("GET", "/api/search", 200, 400, 404),
            authed("POST", "/api/files", 201, 400, 413, 429),
            authed("GET", "/api/files/{id}", 200, 403, 404),
            authed("GET", "/api/files/{id}/thumbnail", 200, 403, 404));

    /** Events a client sends; each takes an optional ack. */
    public static final List<String> CLIENT_EVENTS = List.of("message", "private_message", "join", "leave",
            "create_room", "history", "typing", "focus", "read", "sync", "logout_all", "terminate_other_sessions",
            "edit_message", "delete_message", "react", "unreact");

    /** Events the server sends. */
    public static final List<String> SERVER_EVENTS = List.of("ready", "message", "private_message", "notification",
            "presence", "room_created", "room_invited", "room_removed", "typing", "session_terminated", "error", "message_updated", "message_deleted",
            "room_updated", "user_updated");
}

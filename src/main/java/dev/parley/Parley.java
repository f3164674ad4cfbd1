package dev.parley;

import dev.parley.http.Caller;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST API under {@code /api}. MP-JWT verifies bearer tokens; {@code @ApplicationScoped} is
 * needed beside {@code @LoginConfig} or Payara fails the deployment (WELD-001408).
 */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles(Caller.ROLE)
@ApplicationScoped
@OpenAPIDefinition(
        info = @Info(title = "Parley", version = "1",
                description = """
                        The REST half of Parley's public API (contract v1). Log in with `POST /api/auth/login` \
                        (or `/api/auth/guest`) and send the token as `Authorization: Bearer <token>`; a token \
                        belongs to one session and is refused with 401 everywhere once that session ends.

                        Every error has the shape `{"error": {"code": "...", "message": "..."}}`. Timestamps are \
                        ISO-8601 UTC strings; message ids are positive 64-bit integers, increasing within a room \
                        or conversation.

                        The real-time half (Socket.IO, namespace `/`, path `/socket.io/`) is described by the \
                        AsyncAPI document at [/asyncapi.yaml](/asyncapi.yaml); both are browsable at [/docs](/docs/)."""),
        tags = {
                @Tag(name = "accounts", description = "Register, log in (with a password or as a guest), refresh, log out"),
                @Tag(name = "sessions", description = "Every login is a session the user can see and end"),
                @Tag(name = "tokens", description = "Personal access tokens for scripts, and bot accounts with their tokens; only a logged-in session manages them"),
                @Tag(name = "users", description = "The caller, their data export, who is online, and the people directory"),
                @Tag(name = "rooms", description = "Rooms, public and private, membership, invitations, roles, kicks and bans; `feed` is the room everyone is in"),
                @Tag(name = "admin", description = "Server admins only (the first from `PARLEY_ADMIN_USERNAME`): disabling and enabling accounts, granting and taking the admin role"),
                @Tag(name = "messages", description = "Room messages, direct conversations, history pages and read markers"),
                @Tag(name = "files", description = "Files and pictures: uploads, downloads by bearer token or signed link, thumbnails")})
@SecurityScheme(securitySchemeName = Parley.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "The token from login, guest login or refresh")
public class Parley extends Application {
    /** The OpenAPI name of the bearer-token security scheme. */
    public static final String BEARER = "bearer";
}

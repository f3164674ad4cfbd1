package dev.parley.sessions.boundary;

import dev.parley.accounts.entity.UserView;
import dev.parley.sessions.control.Sessions;
import dev.parley.sessions.entity.SessionView;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What login, guest login and refresh answer. */
@Schema(description = "A session's token, and the session and user it belongs to")
public record LoginResponse(
        @Schema(description = "Send it as `Authorization: Bearer <token>`, or as `auth: {token}` when connecting a socket",
                example = "eyJraWQiOiJ...") String token,
        @Schema(enumeration = "Bearer") String tokenType,
        @Schema(description = "When this token stops working; refresh for a new one") Instant expiresAt,
        SessionView session,
        UserView user) {

    static LoginResponse of(Sessions.Login login) {
        return new LoginResponse(login.token(), "Bearer", login.session().expiresAt(),
                SessionView.of(login.session(), login.session().id(), 0), login.user().view());
    }
}

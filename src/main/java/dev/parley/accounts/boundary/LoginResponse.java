package dev.parley.accounts.boundary;

import dev.parley.accounts.entity.UserView;
import dev.parley.sessions.control.Sessions;
import dev.parley.sessions.entity.SessionView;
import java.time.Instant;

/** What login, guest login and refresh answer. */
public record LoginResponse(String token, String tokenType, Instant expiresAt, SessionView session, UserView user) {

    static LoginResponse of(Sessions.Login login) {
        return new LoginResponse(login.token(), "Bearer", login.session().expiresAt(),
                SessionView.of(login.session(), login.session().id(), 0), login.user().view());
    }
}

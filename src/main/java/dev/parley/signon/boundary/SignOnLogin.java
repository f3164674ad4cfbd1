package dev.parley.signon.boundary;

import dev.parley.accounts.entity.UserView;
import dev.parley.sessions.control.Sessions;
import dev.parley.sessions.entity.SessionView;
import java.time.Instant;

/** What the exchange answers: the shape of login's answer (the contract's "200 like login"). */
public record SignOnLogin(String token, String tokenType, Instant expiresAt, SessionView session, UserView user) {

    static SignOnLogin of(Sessions.Login login) {
        return new SignOnLogin(login.token(), "Bearer", login.session().expiresAt(),
                SessionView.of(login.session(), login.session().id(), 0), login.user().view());
    }
}

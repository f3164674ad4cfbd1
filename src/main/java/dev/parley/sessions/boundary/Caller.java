package dev.parley.sessions.boundary;

import dev.parley.sessions.control.Tokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling a REST endpoint: the user and session in the verified token. */
@RequestScoped
public class Caller {
    @Inject
    JsonWebToken token;

    public long userId() {
        return Long.parseLong(token.getSubject());
    }

    public String sessionId() {
        return token.getClaim(Tokens.SESSION_CLAIM);
    }

    public boolean isAuthenticated() {
        return token != null && token.getRawToken() != null && sessionId() != null;
    }
}

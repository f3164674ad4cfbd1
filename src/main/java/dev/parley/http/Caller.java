package dev.parley.http;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling a REST endpoint: the user and session in the verified token. It sits below every
 * component, so that {@code accounts} resources know their caller without importing {@code sessions}
 * (which issues the tokens and imports {@code accounts}).
 */
@RequestScoped
public class Caller {
    /** The one role every signed-in caller has; tokens carry it as their only group. */
    public static final String ROLE = "user";
    /** The claim naming the token's session. */
    public static final String SESSION_CLAIM = "sid";

    @Inject
    JsonWebToken token;

    public long userId() {
        return Long.parseLong(token.getSubject());
    }

    public String sessionId() {
        return token.getClaim(SESSION_CLAIM);
    }

    public boolean isAuthenticated() {
        return token != null && token.getRawToken() != null && sessionId() != null;
    }
}

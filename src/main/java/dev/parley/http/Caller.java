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

    private boolean accessToken;

    public long userId() {
        return Long.parseLong(token.getSubject());
    }

    public String sessionId() {
        return token.getClaim(SESSION_CLAIM);
    }

    /** The token is a personal access token, not a login's: said by the sessions component once it found it live. */
    public void usesAccessToken(boolean accessToken) {
        this.accessToken = accessToken;
    }

    public boolean viaAccessToken() {
        return accessToken;
    }

    /** The token as presented, whose hash an access token's session is checked against. */
    public String rawToken() {
        return token.getRawToken();
    }

    public boolean isAuthenticated() {
        return token != null && token.getRawToken() != null && sessionId() != null;
    }
}

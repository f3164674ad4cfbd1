package dev.parley.sessions.entity;

import java.util.Locale;

/** Why a session ended, as {@code session_terminated} tells its sockets. */
public enum EndReason {
    LOGOUT,
    LOGOUT_ALL,
    TERMINATED_BY_OTHER_SESSION,
    REVOKED,
    PASSWORD_CHANGED,
    ACCOUNT_DELETED,
    /** The identity provider ended the person's session there (OpenID Connect back-channel logout). */
    SSO_LOGOUT,
    /** Not refreshed within the token lifetime, or past the absolute session lifetime. */
    EXPIRED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}

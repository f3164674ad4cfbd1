-- Sign-on with an OpenID Connect provider (signon component; docs/architecture.md, "Sign-on").
-- The same file runs on PostgreSQL and H2.

-- Who an account made by sign-on is at its provider: (issuer, sub), the only stable identifier a
-- provider gives. Never a name or an e-mail: those change hands, and would join strangers' accounts.
CREATE TABLE signon_identities (
    user_id    BIGINT        PRIMARY KEY REFERENCES users (id),
    issuer     VARCHAR(512)  NOT NULL,
    subject    VARCHAR(255)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT signon_identities_subject UNIQUE (issuer, subject)
);

-- A sign-in on its way through the provider, read back by whichever node the callback reaches: the
-- state (the key), the nonce and PKCE verifier, where to go after, and the hash of the cookie that
-- binds it to the browser that started it. Consumed once; ten minutes at most.
CREATE TABLE signon_pending (
    state          VARCHAR(64)   PRIMARY KEY,
    nonce          VARCHAR(64)   NOT NULL,
    code_verifier  VARCHAR(128)  NOT NULL,
    redirect_uri   VARCHAR(1024) NOT NULL,
    return_to      VARCHAR(1024) NOT NULL,
    browser_hash   VARCHAR(64)   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX signon_pending_by_age ON signon_pending (created_at);

-- The one-time code the page trades for a session, by its SHA-256 (the code itself is never stored).
CREATE TABLE signon_codes (
    code_hash  VARCHAR(64)  PRIMARY KEY,
    user_id    BIGINT       NOT NULL REFERENCES users (id),
    issuer     VARCHAR(512) NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    sid        VARCHAR(255),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX signon_codes_by_expiry ON signon_codes (expires_at);

-- Which Parley session came from which provider session: back-channel logout names the provider's
-- session (sid) or the person (sub), and the Parley sessions so found end.
CREATE TABLE signon_sessions (
    session_id VARCHAR(36)  PRIMARY KEY REFERENCES sessions (id),
    issuer     VARCHAR(512) NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    sid        VARCHAR(255),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX signon_sessions_by_sid ON signon_sessions (issuer, sid);
CREATE INDEX signon_sessions_by_subject ON signon_sessions (issuer, subject);

-- Logout tokens already acted on (by the SHA-256 of issuer and jti), kept as long as a token's iat
-- is accepted: a replay within that time is refused, an older one by its iat.
CREATE TABLE signon_logout_tokens (
    token_hash VARCHAR(64) PRIMARY KEY,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX signon_logout_tokens_by_age ON signon_logout_tokens (seen_at);

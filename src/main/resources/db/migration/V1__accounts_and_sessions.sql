-- One SQL for the embedded H2 default and PostgreSQL.
CREATE SEQUENCE user_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE users (
    id            BIGINT PRIMARY KEY,
    username      VARCHAR(32)  NOT NULL,
    username_key  VARCHAR(32)  NOT NULL,
    display_name  VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(256),
    guest         BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_username_key UNIQUE (username_key)
);

CREATE TABLE sessions (
    id           VARCHAR(36)  PRIMARY KEY,
    user_id      BIGINT       NOT NULL REFERENCES users (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    user_agent   VARCHAR(512),
    ip           VARCHAR(64),
    ended_at     TIMESTAMP WITH TIME ZONE,
    end_reason   VARCHAR(32)
);
CREATE INDEX sessions_by_user ON sessions (user_id, ended_at);

-- The token signing key, made on first start and shared by every node on this database.
CREATE TABLE signing_keys (
    id          VARCHAR(36)   PRIMARY KEY,
    private_key VARCHAR(8192) NOT NULL,
    public_key  VARCHAR(8192) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

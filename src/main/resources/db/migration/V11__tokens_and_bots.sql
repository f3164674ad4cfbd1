-- Personal access tokens are sessions of another kind (sessions/control/AccessTokens): a token is a
-- JWT naming its row like a login's, so that MP-JWT, the session cache, expiry and the cluster-wide
-- ending of sessions serve both. A token row has a name, the SHA-256 of the token handed out (never
-- the token), and no last_seen_at until it is first used. The same file runs on PostgreSQL and H2.
ALTER TABLE sessions ADD COLUMN kind VARCHAR(8) DEFAULT 'LOGIN' NOT NULL;
ALTER TABLE sessions ADD COLUMN name VARCHAR(64);
ALTER TABLE sessions ADD COLUMN token_hash VARCHAR(64);
ALTER TABLE sessions ALTER COLUMN last_seen_at DROP NOT NULL;

-- A bot is an account without a password, owned by the registered account that made it.
ALTER TABLE users ADD COLUMN bot BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE users ADD COLUMN owner_id BIGINT;
ALTER TABLE users ADD CONSTRAINT users_owner FOREIGN KEY (owner_id) REFERENCES users (id);
CREATE INDEX users_by_owner ON users (owner_id);

-- A deleted account stays as a tombstone row: its id is what messages, conversations, sessions and
-- rooms.created_by point at, so keeping it keeps every id and all history intact (no cascade
-- rewrites millions of message rows, no FK left dangling). Deleting scrubs what identified the
-- person (username, display name, password hash) and sets username_key to NULL, which frees the
-- name: a UNIQUE constraint admits any number of NULLs on both H2 and PostgreSQL, and no live
-- username can ever equal NULL.
ALTER TABLE users ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ALTER COLUMN username DROP NOT NULL;
ALTER TABLE users ALTER COLUMN username_key DROP NOT NULL;
-- The guest sweep reads live guests older than the retention: a range on this index.
CREATE INDEX users_live_guests ON users (guest, deleted_at, created_at);

-- Who blocks whom: a blocked user's direct messages to the blocker are refused.
CREATE TABLE blocks (
    blocker_id BIGINT NOT NULL REFERENCES users (id),
    blocked_id BIGINT NOT NULL REFERENCES users (id),
    blocked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX blocks_by_blocked ON blocks (blocked_id);

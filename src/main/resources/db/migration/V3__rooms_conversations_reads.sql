-- Room membership, with each member's read marker. Every user is a member of feed.
CREATE TABLE room_members (
    room_id      BIGINT NOT NULL REFERENCES rooms (id),
    user_id      BIGINT NOT NULL REFERENCES users (id),
    joined_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_read_id BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX room_members_by_user ON room_members (user_id);
INSERT INTO room_members (room_id, user_id, joined_at, last_read_id)
SELECT 1, u.id, CURRENT_TIMESTAMP, r.last_message_id FROM users u, rooms r WHERE r.id = 1;

-- A direct conversation between two users (user_low < user_high), with each side's read marker.
-- Its row is locked by every post to it, so ids rise in commit order within it.
CREATE SEQUENCE conversation_id_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE conversations (
    id              BIGINT PRIMARY KEY,
    user_low        BIGINT NOT NULL REFERENCES users (id),
    user_high       BIGINT NOT NULL REFERENCES users (id),
    last_message_id BIGINT NOT NULL DEFAULT 0,
    low_read_id     BIGINT NOT NULL DEFAULT 0,
    high_read_id    BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT conversations_pair UNIQUE (user_low, user_high)
);
CREATE INDEX conversations_by_high ON conversations (user_high);

ALTER TABLE messages ADD COLUMN conversation_id BIGINT;
ALTER TABLE messages ADD CONSTRAINT messages_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id);
CREATE INDEX messages_by_conversation ON messages (conversation_id, id);

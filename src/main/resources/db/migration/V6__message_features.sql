-- Replies, edits, deletions (a tombstone keeps the row, its id and its place), reactions, mentions.
-- The same file runs on PostgreSQL and H2; what only PostgreSQL has is in db/postgresql.
ALTER TABLE messages ADD COLUMN reply_to BIGINT;
ALTER TABLE messages ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE messages ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
-- When the message last changed after it was posted (edit, deletion, reaction): sync's updates.
ALTER TABLE messages ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX messages_changed_in_room ON messages (room_id, changed_at);
CREATE INDEX messages_changed_in_conversation ON messages (conversation_id, changed_at);

-- One reaction per user per emoji on a message.
CREATE TABLE reactions (
    message_id BIGINT      NOT NULL REFERENCES messages (id),
    emoji      VARCHAR(64) NOT NULL,
    user_id    BIGINT      NOT NULL REFERENCES users (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (message_id, emoji, user_id)
);

-- Who a message mentions. room_id is copied from the message, so that a user's unread mentions per
-- room are one range of mentions_by_user above the member's read marker.
CREATE TABLE mentions (
    message_id BIGINT NOT NULL REFERENCES messages (id),
    user_id    BIGINT NOT NULL REFERENCES users (id),
    room_id    BIGINT REFERENCES rooms (id),
    PRIMARY KEY (message_id, user_id)
);
CREATE INDEX mentions_by_user ON mentions (user_id, room_id, message_id);

CREATE SEQUENCE room_id_seq START WITH 2 INCREMENT BY 1;

CREATE TABLE rooms (
    id              BIGINT      PRIMARY KEY,
    name            VARCHAR(64) NOT NULL,
    topic           VARCHAR(200),
    created_by      BIGINT      REFERENCES users (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Locked by every post to the room, so ids rise in commit order within it.
    last_message_id BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT rooms_name_key UNIQUE (name)
);

-- The built-in room every user is in.
INSERT INTO rooms (id, name, topic, created_by, created_at, last_message_id)
VALUES (1, 'feed', 'Everyone who is signed in', NULL, CURRENT_TIMESTAMP, 0);

CREATE SEQUENCE message_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE messages (
    id            BIGINT      PRIMARY KEY,
    room_id       BIGINT      REFERENCES rooms (id),
    recipient_id  BIGINT      REFERENCES users (id),
    sender_id     BIGINT      NOT NULL REFERENCES users (id),
    body          VARCHAR     NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    client_msg_id VARCHAR(64),
    CONSTRAINT messages_client_msg_id UNIQUE (sender_id, client_msg_id)
);
CREATE INDEX messages_by_room ON messages (room_id, id);

-- Incoming webhooks (webhooks/control/Webhooks): a URL that posts into one room as the person who
-- made it. The secret in the URL is kept only as its SHA-256 (hex): a copy of the database does not
-- hand out working URLs. Deleting a webhook deletes its row; messages it posted keep its name in
-- messages.via. The same file runs on PostgreSQL and H2.
CREATE SEQUENCE webhook_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE webhooks (
    id          BIGINT      PRIMARY KEY,
    room_id     BIGINT      NOT NULL REFERENCES rooms (id),
    name        VARCHAR(64) NOT NULL,
    secret_hash VARCHAR(64) NOT NULL,
    created_by  BIGINT      NOT NULL REFERENCES users (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webhooks_by_room ON webhooks (room_id, id);
CREATE INDEX webhooks_by_creator ON webhooks (created_by);

-- The name of the webhook that posted a message, as it was then; null for everything people post.
ALTER TABLE messages ADD COLUMN via VARCHAR(64);

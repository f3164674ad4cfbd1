-- Message retention (messages/control/retention): the sweep finds old messages by index, a bounded
-- batch at a time, and removes what points at them. The same file runs on PostgreSQL and H2.

-- Messages that follow the server's PARLEY_RETENTION (rooms without their own, and every direct
-- conversation), oldest first: a range of this index from the start, resumed by (created_at, id).
CREATE INDEX messages_by_age ON messages (created_at, id);
-- A room with its own retention: its old messages are a range of this index, whatever the rest holds.
CREATE INDEX messages_in_room_by_age ON messages (room_id, created_at);
-- The replies to a swept batch lose their reply_to (no foreign key: a reply may outlive what it answers).
CREATE INDEX messages_by_reply_to ON messages (reply_to);

-- Which node runs a cluster-wide sweep, until when (messages/control/retention/SweepLease): taken and
-- renewed by a conditional UPDATE, so that two nodes on one database never sweep at once.
CREATE TABLE sweep_leases (
    name       VARCHAR(32) PRIMARY KEY,
    holder     VARCHAR(64),
    held_until TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO sweep_leases (name, holder, held_until) VALUES ('retention', NULL, CURRENT_TIMESTAMP);

-- Every socket's ready lists the user's rooms with their member counts, and feed holds every user:
-- counting room_members rows made each connect cost grow with the membership (6 ms a connect at
-- 20,000 members). The count is kept per room instead, changed with each join and leave (Rooms).
-- A table of its own, not a column of rooms: posts lock the room's row, joins must not wait for them.
-- (Numbered 20 so that it stays clear of the migrations other branches add meanwhile.)
CREATE TABLE room_member_counts (
    room_id BIGINT NOT NULL PRIMARY KEY REFERENCES rooms (id),
    members BIGINT NOT NULL
);
INSERT INTO room_member_counts (room_id, members)
SELECT r.id, (SELECT COUNT(*) FROM room_members m WHERE m.room_id = r.id) FROM rooms r;

-- Unread counts (ready, GET /api/rooms, notifications) read the room's messages after a marker
-- and their senders: with the sender in the index that is a range of one index, whatever the
-- history of the room or of the others; (room_id, id) alone made PostgreSQL walk every later
-- message of every room by primary key and filter (measured with EXPLAIN ANALYZE).
CREATE INDEX messages_unread ON messages (room_id, id, sender_id);
DROP INDEX messages_by_room;

-- Private rooms, roles, invitations, bans (rooms/control/Standing is the rule that reads them) and
-- accounts an admin disabled. The same file runs on PostgreSQL and H2.
ALTER TABLE rooms ADD COLUMN is_private BOOLEAN NOT NULL DEFAULT FALSE;

-- owner, moderator or member. A room has at most one owner: its creator, until handed over.
ALTER TABLE room_members ADD COLUMN role VARCHAR(16) NOT NULL DEFAULT 'member';
UPDATE room_members SET role = 'owner'
WHERE EXISTS (SELECT 1 FROM rooms r WHERE r.id = room_members.room_id AND r.created_by = room_members.user_id);

-- Who was invited to a room and has not joined yet; joining, a ban or withdrawal deletes the row.
CREATE TABLE room_invites (
    room_id    BIGINT NOT NULL REFERENCES rooms (id),
    user_id    BIGINT NOT NULL REFERENCES users (id),
    invited_by BIGINT NOT NULL REFERENCES users (id),
    invited_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX room_invites_by_user ON room_invites (user_id);

-- Who may not join a room (nor be invited) until the ban is lifted.
CREATE TABLE room_bans (
    room_id   BIGINT NOT NULL REFERENCES rooms (id),
    user_id   BIGINT NOT NULL REFERENCES users (id),
    banned_by BIGINT NOT NULL REFERENCES users (id),
    banned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room_id, user_id)
);

-- Set by a server admin: the account cannot log in; its messages stay.
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;

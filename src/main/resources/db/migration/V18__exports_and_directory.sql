-- A user's data export reads every message they wrote, a page at a time by id (exports/control/AccountExport):
-- one range of this index a page. The same file runs on PostgreSQL and H2; the directory's prefix
-- indexes, which only PostgreSQL has, are in db/postgresql/V18_1.
CREATE INDEX messages_by_sender ON messages (sender_id, id);

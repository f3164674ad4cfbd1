-- A room's own message retention (contract, "Retention"): the ISO-8601 duration as its owner or an
-- admin set it, or NULL for the server's PARLEY_RETENTION. Kept as written, so that the room object
-- shows what was set ("P1Y" stays "P1Y"), and turned into a cut-off at each sweep.
-- The same file runs on PostgreSQL and H2.
ALTER TABLE rooms ADD COLUMN retention VARCHAR(64);

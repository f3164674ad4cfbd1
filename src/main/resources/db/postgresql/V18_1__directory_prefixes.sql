-- The people directory (accounts/control/Directory) finds accounts by the start of username_key or of
-- LOWER(display_name) with LIKE 'prefix%'. PostgreSQL uses a B-tree for such a LIKE only with the
-- pattern operator class (unless the database's collation is C), and only the accounts the directory
-- lists are indexed. H2 has no expression indexes: there the username's prefix is a range of the
-- unique key's index and display names are scanned (the embedded database is for small servers).
CREATE INDEX users_directory_username ON users (username_key text_pattern_ops)
    WHERE deleted_at IS NULL AND disabled_at IS NULL AND guest = FALSE;
CREATE INDEX users_directory_display_name ON users (LOWER(display_name) text_pattern_ops)
    WHERE deleted_at IS NULL AND disabled_at IS NULL AND guest = FALSE;

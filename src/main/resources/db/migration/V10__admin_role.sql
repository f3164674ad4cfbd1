-- Server admin is a role of an account, by id: PARLEY_ADMINS named usernames, and a listed name that
-- was free (or freed by deleting the account) made whoever registered it an admin. A deleted account
-- loses the role with everything else (User.erase); a new account of the same name starts without it.
-- The same file runs on PostgreSQL and H2.
ALTER TABLE users ADD COLUMN admin BOOLEAN DEFAULT FALSE NOT NULL;

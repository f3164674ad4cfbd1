-- The expiry sweep looks for sessions that are not ended and whose time is up (sessions/control/Expiry).
CREATE INDEX sessions_by_expiry ON sessions (ended_at, expires_at);

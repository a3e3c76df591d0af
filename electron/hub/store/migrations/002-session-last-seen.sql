-- Idle expiry: when a console last held the session (login, resume, or connected meanwhile).
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
UPDATE sessions SET last_seen_at = created_at;

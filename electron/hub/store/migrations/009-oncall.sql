-- On-call (issue 4): rosters, contact details for notifications, and what escalation sent.

-- A roster's communes, kinds, levels, rotations and exceptions are one JSON document (validated by
-- the shared OnCallRoster schema on load): they are edited and read together, never queried apart.
CREATE TABLE oncall_rosters (
  id TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Kept apart from `users` so that contact details are only read where a notification needs them.
CREATE TABLE user_contacts (
  username TEXT PRIMARY KEY,
  email TEXT,
  phone TEXT,
  updated_at TEXT NOT NULL
);

-- One row per message escalation tried: who, at which level, through which channel, and how it
-- went. The highest level per alarm is where its escalation stands, so it survives a restart.
CREATE TABLE alarm_notifications (
  id TEXT PRIMARY KEY,
  alarm_id TEXT NOT NULL,
  commune TEXT NOT NULL,
  level INTEGER NOT NULL,
  username TEXT,
  channel TEXT NOT NULL,
  recipient TEXT,
  at TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX alarm_notifications_alarm ON alarm_notifications (alarm_id, at);

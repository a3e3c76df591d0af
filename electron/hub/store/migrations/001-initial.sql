-- Beffroi hub schema, version 1. The journal is the spine: every change the consoles see is a row
-- here, written in the same transaction as the tables below.

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE assets (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  category TEXT,
  name TEXT NOT NULL,
  commune TEXT NOT NULL,
  lon REAL NOT NULL,
  lat REAL NOT NULL,
  parent_id TEXT,
  settings TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL,
  metrics TEXT NOT NULL DEFAULT '{}',
  updated_at TEXT NOT NULL
);
CREATE INDEX assets_commune ON assets (commune);

CREATE TABLE devices (
  dev_eui TEXT PRIMARY KEY,
  model TEXT NOT NULL,
  asset_id TEXT NOT NULL REFERENCES assets (id),
  uplink_period_s REAL NOT NULL,
  gateway_id TEXT,
  last_uplink_at TEXT,
  last_fcnt INTEGER
);
CREATE INDEX devices_asset ON devices (asset_id);

CREATE TABLE alarms (
  id TEXT PRIMARY KEY,
  asset_id TEXT NOT NULL,
  commune TEXT NOT NULL,
  condition TEXT NOT NULL,
  priority TEXT NOT NULL,
  state TEXT NOT NULL,
  message TEXT NOT NULL,
  raised_at TEXT NOT NULL,
  last_at TEXT NOT NULL,
  count INTEGER NOT NULL,
  cleared_at TEXT,
  acknowledged_by TEXT,
  acknowledged_at TEXT,
  comment TEXT
);
-- One alarm per (asset, condition) while the condition holds: a repeat updates it.
CREATE UNIQUE INDEX alarms_one_per_condition ON alarms (asset_id, condition) WHERE cleared_at IS NULL;
CREATE INDEX alarms_state ON alarms (state);

CREATE TABLE commands (
  id TEXT PRIMARY KEY,
  asset_id TEXT NOT NULL,
  commune TEXT NOT NULL,
  type TEXT NOT NULL,
  params TEXT NOT NULL,
  state TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  detail TEXT,
  history TEXT NOT NULL,
  dev_eui TEXT,
  expires_at TEXT NOT NULL
);
CREATE INDEX commands_asset ON commands (asset_id, requested_at);
CREATE INDEX commands_state ON commands (state);

CREATE TABLE journal (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  type TEXT NOT NULL,
  commune TEXT NOT NULL,
  body TEXT NOT NULL
);

CREATE TABLE users (
  username TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  communes TEXT NOT NULL DEFAULT '[]',
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES users (username),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);

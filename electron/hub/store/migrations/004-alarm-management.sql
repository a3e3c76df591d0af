-- Alarm management (issue 4): comments added after the fact, shelving, maintenance windows.
ALTER TABLE alarms ADD COLUMN comments TEXT;
ALTER TABLE alarms ADD COLUMN shelved_by TEXT;
ALTER TABLE alarms ADD COLUMN shelved_at TEXT;
ALTER TABLE alarms ADD COLUMN shelved_until TEXT;
ALTER TABLE alarms ADD COLUMN shelve_reason TEXT;

-- A window targets one asset (asset_id) or a whole commune (asset_id NULL); `commune` scopes it.
CREATE TABLE maintenance_windows (
  id TEXT PRIMARY KEY,
  asset_id TEXT,
  commune TEXT NOT NULL,
  from_at TEXT NOT NULL,
  to_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  deleted_by TEXT,
  deleted_at TEXT
);
CREATE INDEX maintenance_windows_to ON maintenance_windows (to_at) WHERE deleted_at IS NULL;

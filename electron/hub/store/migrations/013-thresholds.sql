-- Alarm thresholds an admin changed from the console (issue 4). Only overrides are stored: a
-- condition without a row runs on the defaults shipped in shared/domain/thresholds.ts, so a new
-- release's better default reaches every condition nobody touched. NULL: that field's default.
CREATE TABLE thresholds (
  condition TEXT PRIMARY KEY,
  raise_value REAL,
  clear_value REAL,
  delay_s INTEGER,
  priority TEXT CHECK (priority IN ('critical', 'high', 'medium', 'low')),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
)

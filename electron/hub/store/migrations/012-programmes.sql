-- Programmes the hub runs for assets (issue 5): a school's weekly heating and its temporary
-- override, a cabinet's lighting night, a cemetery gate's opening hours. `body` is JSON checked by
-- the zod schemas of shared/domain/schedules.ts when read back. `command_id` is the command that
-- set it: who, when and from which console live in the commands table and the audit trail.
CREATE TABLE programmes (
  asset_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('heating', 'heating-override', 'lighting', 'gate')),
  body TEXT NOT NULL,
  until TEXT,
  command_id TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (asset_id, kind)
);

-- What the hub last asked of an asset's device (by a person or a programme): the reference the
-- reported values are compared with to show drift.
CREATE TABLE desired_states (
  asset_id TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('programme', 'command')),
  since TEXT NOT NULL
);

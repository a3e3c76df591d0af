-- Gateways learnt from the uplink metadata (issue 7) and alarm causes and chattering (issue 4).
-- A gateway is also an asset of kind `gateway` (the map, its status, its alarm); this table keeps
-- what only the radio side needs.
CREATE TABLE gateways (
  id TEXT PRIMARY KEY,              -- gateway EUI, as the network server reports it
  asset_id TEXT NOT NULL,
  location_source TEXT NOT NULL,    -- 'metadata', 'plan' (the demo's planned network) or 'estimated'
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  uplinks INTEGER NOT NULL
);

-- Which devices a gateway heard, and how well: the newest reception and the best of the recent ones.
CREATE TABLE gateway_devices (
  gateway_id TEXT NOT NULL,
  dev_eui TEXT NOT NULL,
  last_at TEXT NOT NULL,
  uplinks INTEGER NOT NULL,
  rssi_dbm REAL,
  snr_db REAL,
  recent TEXT NOT NULL DEFAULT '[]', -- the last few receptions [{at, rssiDbm, snrDb}], newest last
  PRIMARY KEY (gateway_id, dev_eui)
);
CREATE INDEX gateway_devices_device ON gateway_devices (dev_eui);

ALTER TABLE alarms ADD COLUMN cause_alarm_id TEXT;
ALTER TABLE alarms ADD COLUMN chattering INTEGER;
ALTER TABLE alarms ADD COLUMN cycles INTEGER;

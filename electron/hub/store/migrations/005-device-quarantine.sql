-- Uplinks from devices nobody declared: kept, never silently dropped, until an admin adopts the
-- device (declares its model and asset) or the network server stops sending them.
CREATE TABLE quarantine (
  dev_eui TEXT PRIMARY KEY,
  first_at TEXT NOT NULL,
  last_at TEXT NOT NULL,
  count INTEGER NOT NULL,
  f_port INTEGER NOT NULL,
  payload_hex TEXT,
  gateway_id TEXT,
  rssi_dbm REAL
);

-- Field sources an admin configures in the console (those from BEFFROI_SOURCES_FILE or
-- BEFFROI_MQTT_URL are not stored: they stay read-only). The password is kept here because the
-- hub must present it to the broker; it is never sent back to a console.
CREATE TABLE field_sources (
  name TEXT PRIMARY KEY,
  format TEXT NOT NULL CHECK (format IN ('chirpstack', 'tts')),
  url TEXT NOT NULL,
  username TEXT,
  password TEXT,
  tls_ca TEXT,
  tls_cert TEXT,
  tls_key TEXT,
  tls_reject_unauthorized INTEGER NOT NULL DEFAULT 1,
  -- JSON array of application ids; empty: every application.
  application_ids TEXT NOT NULL DEFAULT '[]',
  topic_prefix TEXT NOT NULL DEFAULT '',
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Names this installation's MQTT sessions (client id `beffroi-<id>-<source>`): stable across
-- restarts so the broker keeps QoS 1 messages while the hub is away, distinct between two hubs.
INSERT OR IGNORE INTO meta (key, value) VALUES ('install-id', lower(hex(randomblob(5))));

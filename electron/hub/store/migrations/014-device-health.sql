-- Device health per device, not per asset (issue 7): a school with five sensors has five radio
-- links. The last uplink's best RSSI and SNR, the last battery reading, the uplinks the network
-- never delivered (frame-counter gaps, summed since the device was declared), and the device's
-- joins (OTAA join or rejoin: a new session, whose frame counter restarts at 0). They ride the
-- device row the hub already writes on every uplink: no extra statement on the hot path.
-- Existing rows start empty and fill in with the next uplink or join.
ALTER TABLE devices ADD COLUMN rssi_dbm REAL;
ALTER TABLE devices ADD COLUMN snr_db REAL;
ALTER TABLE devices ADD COLUMN battery_percent REAL;
ALTER TABLE devices ADD COLUMN battery_v REAL;
ALTER TABLE devices ADD COLUMN uplinks_lost INTEGER NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN last_join_at TEXT;
ALTER TABLE devices ADD COLUMN join_count INTEGER NOT NULL DEFAULT 0;

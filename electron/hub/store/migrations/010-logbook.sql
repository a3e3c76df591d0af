-- The main courante (operator logbook): append-only, like the audit trail. A correction is a new
-- entry whose `corrects` names the earlier one; triggers refuse any edit or removal.
CREATE TABLE logbook (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  kind TEXT NOT NULL,
  commune TEXT,
  text TEXT NOT NULL,
  corrects TEXT REFERENCES logbook (id)
);
CREATE INDEX logbook_at ON logbook (at, id);
CREATE INDEX logbook_author ON logbook (author, at);

-- What each entry is about, as the author saw it then (label); indexed to find an alarm's entries.
CREATE TABLE logbook_links (
  entry_id TEXT NOT NULL REFERENCES logbook (id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  target_id TEXT NOT NULL,
  asset_id TEXT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (entry_id, position)
);
CREATE INDEX logbook_links_target ON logbook_links (kind, target_id);

CREATE TRIGGER logbook_no_update BEFORE UPDATE ON logbook BEGIN SELECT RAISE(ABORT, 'main courante : ajout seulement'); END;
CREATE TRIGGER logbook_no_delete BEFORE DELETE ON logbook BEGIN SELECT RAISE(ABORT, 'main courante : ajout seulement'); END;
CREATE TRIGGER logbook_links_no_update BEFORE UPDATE ON logbook_links BEGIN SELECT RAISE(ABORT, 'main courante : ajout seulement'); END;
CREATE TRIGGER logbook_links_no_delete BEFORE DELETE ON logbook_links BEGIN SELECT RAISE(ABORT, 'main courante : ajout seulement'); END;

-- The shift handover reads what was acknowledged and requested between two instants.
CREATE INDEX alarms_acknowledged_at ON alarms (acknowledged_at) WHERE acknowledged_at IS NOT NULL;
CREATE INDEX commands_requested_at ON commands (requested_at);

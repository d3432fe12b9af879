-- A priority lane in the inbox: an event judged urgent at ingest (a crisis message) is claimed before the backlog, so a
-- member in danger is not queued behind a burst. Her own earlier pending events are raised with it (her messages still run
-- in order). Claims read pending events by (priority, id).

ALTER TABLE inbox_events ADD COLUMN priority smallint NOT NULL DEFAULT 0;

CREATE INDEX inbox_events_pending_priority_idx ON inbox_events (priority DESC, id) WHERE status = 'pending';

-- A staff alert per crisis message: who (the contact), when, what kind, on which channel. Never the member's text.

CREATE TABLE crisis_alerts (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id       bigint REFERENCES contacts (id) ON DELETE CASCADE,
    channel          text NOT NULL,
    category         text NOT NULL CHECK (category IN ('injury', 'self_harm', 'danger', 'child', 'trafficking', 'sexual', 'abuse')),
    categories       text[] NOT NULL,
    inbox_event_id   bigint REFERENCES inbox_events (id),
    created_at       timestamptz NOT NULL,
    acknowledged_at  timestamptz,
    acknowledged_by  text
);

CREATE INDEX crisis_alerts_open_idx ON crisis_alerts (created_at) WHERE acknowledged_at IS NULL;
CREATE UNIQUE INDEX crisis_alerts_event_idx ON crisis_alerts (inbox_event_id) WHERE inbox_event_id IS NOT NULL;

-- Every webhook event is written here before the platform gets its 200, keyed by the platform's own event id,
-- so a retried delivery is a no-op and nothing acknowledged is lost. Turns run from this table.

CREATE TABLE inbox_events (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel           text NOT NULL,
    platform_event_id text NOT NULL,
    kind              text NOT NULL,
    account_id        text,
    sender_id         text,
    event_time        timestamptz,
    payload           jsonb NOT NULL,
    status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'done', 'failed', 'ignored')),
    attempts          integer NOT NULL DEFAULT 0,
    locked_until      timestamptz,
    received_at       timestamptz NOT NULL DEFAULT now(),
    processed_at      timestamptz,
    last_error        text,
    UNIQUE (channel, platform_event_id)
);

CREATE INDEX inbox_events_pending_idx ON inbox_events (received_at) WHERE status IN ('pending', 'processing');

-- Tracked links count once per delivery within a window (issue 15, item 8): the last counted click of each delivery.
-- INSERT … ON CONFLICT DO UPDATE … WHERE locks the row, so two replays at the same instant still count once.
CREATE TABLE click_windows (
    broadcast_id bigint NOT NULL,
    contact_id   bigint NOT NULL,
    counted_at   timestamptz NOT NULL,
    PRIMARY KEY (broadcast_id, contact_id)
);

-- Retention (issue 15, item 7): message text is removed after a configurable time, sooner for crisis messages. The rows stay
-- (channel, kind, times, status, attempts: what the figures count); purged_at says when their text went.
ALTER TABLE inbox_events ADD COLUMN purged_at timestamptz;
ALTER TABLE outbound_messages ADD COLUMN purged_at timestamptz;

-- The purge walks rows that still have text, oldest first.
CREATE INDEX inbox_events_unpurged_idx ON inbox_events (received_at) WHERE purged_at IS NULL;
CREATE INDEX outbound_messages_unpurged_idx ON outbound_messages (created_at) WHERE purged_at IS NULL;

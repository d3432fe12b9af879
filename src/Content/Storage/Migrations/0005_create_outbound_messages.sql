-- Conversational messages we send (bot replies, staff replies, alerts). A turn writes its replies here inside the
-- turn's transaction (the outbox); a dispatcher then sends them in order and records what the platform said.
-- Broadcast deliveries have their own table (they are planned in bulk).

ALTER TABLE inbox_events ADD COLUMN next_attempt_at timestamptz;

CREATE TABLE outbound_messages (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel              text NOT NULL,
    account_id           text NOT NULL,
    recipient_id         text NOT NULL,
    contact_id           bigint REFERENCES contacts (id),
    inbox_event_id       bigint REFERENCES inbox_events (id),
    seq                  integer NOT NULL DEFAULT 0,
    purpose              text NOT NULL DEFAULT 'reply' CHECK (purpose IN ('reply', 'human_agent_reply', 'broadcast')),
    body                 jsonb NOT NULL,
    status               text NOT NULL DEFAULT 'pending'
                         CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'read', 'failed', 'unknown')),
    platform_message_ids text[] NOT NULL DEFAULT '{}',
    attempts             integer NOT NULL DEFAULT 0,
    next_attempt_at      timestamptz,
    error_code           text,
    error_message        text,
    created_at           timestamptz NOT NULL DEFAULT now(),
    sent_at              timestamptz,
    delivered_at         timestamptz,
    read_at              timestamptz,
    UNIQUE (inbox_event_id, seq)
);

CREATE INDEX outbound_messages_pending_idx ON outbound_messages (channel, account_id, recipient_id, id)
    WHERE status IN ('pending', 'sending');
CREATE INDEX outbound_messages_platform_ids_idx ON outbound_messages USING gin (platform_message_ids);
CREATE INDEX outbound_messages_recipient_sent_idx ON outbound_messages (channel, account_id, recipient_id, sent_at)
    WHERE status IN ('sent', 'delivered');

-- One sending of a post, and one delivery row per broadcast and contact (planned in bulk, never one job per recipient).
-- A delivery's status: queued → sending → sent → delivered → read, or skipped (with a reason), failed, unknown, cancelled.

CREATE TABLE broadcasts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id       bigint NOT NULL REFERENCES posts (id),
    occurrence_at timestamptz NOT NULL,
    status        text NOT NULL DEFAULT 'planned'
                  CHECK (status IN ('planned', 'sending', 'paused', 'completed', 'cancelled', 'failed')),
    not_before    timestamptz,
    last_progress_at timestamptz,
    planned_at    timestamptz,
    started_at    timestamptz,
    finished_at   timestamptz,
    UNIQUE (post_id, occurrence_at)
);

CREATE TABLE deliveries (
    broadcast_id        bigint NOT NULL REFERENCES broadcasts (id),
    contact_id          bigint NOT NULL REFERENCES contacts (id),
    channel             text NOT NULL,
    org_unit_id         bigint,
    status              text NOT NULL
                        CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'read', 'skipped', 'failed', 'unknown', 'cancelled')),
    skip_reason         text,
    platform_message_id text,
    error_code          text,
    chunk_no            integer,
    attempts            smallint NOT NULL DEFAULT 0,
    sent_at             timestamptz,
    updated_at          timestamptz NOT NULL,
    PRIMARY KEY (broadcast_id, contact_id)
);

CREATE INDEX deliveries_chunk_idx ON deliveries (broadcast_id, chunk_no) WHERE chunk_no IS NOT NULL;
CREATE INDEX deliveries_contact_sent_idx ON deliveries (contact_id, sent_at) WHERE sent_at IS NOT NULL;

-- Work is handed out by chunk (a few hundred deliveries), claimed with SKIP LOCKED and a lease: a chunk whose worker died
-- is claimed again after its lease, and its rows left "sending" are counted "unknown" (at-most-once, see BroadcastSender).
CREATE TABLE broadcast_chunks (
    broadcast_id  bigint NOT NULL REFERENCES broadcasts (id),
    chunk_no      integer NOT NULL,
    status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'claimed', 'done')),
    claimed_until timestamptz,
    PRIMARY KEY (broadcast_id, chunk_no)
);

CREATE INDEX broadcast_chunks_open_idx ON broadcast_chunks (broadcast_id, chunk_no) WHERE status <> 'done';
CREATE INDEX deliveries_platform_id_idx ON deliveries (platform_message_id) WHERE platform_message_id IS NOT NULL;

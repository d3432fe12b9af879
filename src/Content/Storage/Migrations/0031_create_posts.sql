-- A post is what staff write; a broadcast is one sending of it (a recurring post has many).
-- Lifecycle: draft → submitted → approved → scheduled → sending → sent | cancelled | failed (rejected goes back to draft).

CREATE TABLE posts (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_unit_id       bigint NOT NULL REFERENCES org_units (id),
    title             text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    body              text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 2000),
    link_url          text,
    topic             text NOT NULL REFERENCES topics (code),
    is_promotional    boolean NOT NULL DEFAULT true,
    audience_channels text[] NOT NULL CHECK (cardinality(audience_channels) > 0),
    audience_units    bigint[] NOT NULL CHECK (cardinality(audience_units) > 0),
    status            text NOT NULL DEFAULT 'draft'
                      CHECK (status IN ('draft', 'submitted', 'approved', 'scheduled', 'sending', 'sent', 'cancelled', 'failed')),
    schedule_kind     text CHECK (schedule_kind IN ('once', 'recurring')),
    send_at           timestamptz,
    cron              text,
    created_by        bigint NOT NULL REFERENCES staff_users (id),
    approved_by       bigint REFERENCES staff_users (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (schedule_kind IS NULL OR (schedule_kind = 'once' AND send_at IS NOT NULL) OR (schedule_kind = 'recurring' AND cron IS NOT NULL))
);

CREATE INDEX posts_org_unit_idx ON posts (org_unit_id, status);

-- Every transition, with who did it and when (the audit trail staff and inspectors read).
CREATE TABLE post_transitions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id     bigint NOT NULL REFERENCES posts (id),
    from_status text,
    to_status   text NOT NULL,
    actor_id    bigint REFERENCES staff_users (id),
    note        text,
    at          timestamptz NOT NULL
);

CREATE INDEX post_transitions_post_idx ON post_transitions (post_id, id);

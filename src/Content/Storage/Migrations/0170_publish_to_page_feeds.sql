-- Issue 16, slice 1: a post chooses where it goes (posts.destinations): the message broadcast (as before) and the Facebook
-- Page feed of its unit; one approval and one schedule for all. Each Page post made for an occurrence is a
-- post_publications row: claimed with an attempt key before Graph is called and given the Page post id after, so a retry
-- never publishes twice (a row left 'publishing' by a crash is reconciled against the Page's feed before any new attempt).

ALTER TABLE posts ADD COLUMN destinations text[] NOT NULL DEFAULT '{messages}'
    CHECK (cardinality(destinations) >= 1 AND destinations <@ ARRAY['messages', 'facebook_feed']::text[]);
ALTER TABLE post_edits ADD COLUMN destinations text[] NOT NULL DEFAULT '{messages}';

CREATE TABLE post_publications (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id        bigint NOT NULL REFERENCES posts (id),
    occurrence_at  timestamptz NOT NULL,
    destination    text NOT NULL CHECK (destination IN ('facebook_feed')),
    channel        text NOT NULL,
    account_id     text NOT NULL,
    -- pending: not tried yet or waiting for its retry; publishing: an attempt is out (attempt_key, started_at);
    -- published: external_id holds the platform's post id; failed: stopped, reason says why (Vietnamese); cancelled.
    status         text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'publishing', 'published', 'failed', 'cancelled')),
    attempt_key    uuid,
    attempts       int NOT NULL DEFAULT 0,
    started_at     timestamptz,
    retry_at       timestamptz,
    external_id    text,
    error_code     text,
    reason         text,
    published_at   timestamptz,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    UNIQUE (post_id, occurrence_at, destination, channel, account_id),
    CHECK (status <> 'published' OR external_id IS NOT NULL),
    CHECK (status <> 'publishing' OR (attempt_key IS NOT NULL AND started_at IS NOT NULL))
);

CREATE INDEX post_publications_post_idx ON post_publications (post_id, id);

-- A Page post the gateway published is linked for insights by the system, not by a staff member.
ALTER TABLE post_platform_links ALTER COLUMN linked_by DROP NOT NULL;

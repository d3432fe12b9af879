-- A sending says what happened: "partial" when some members were reached and others failed, "failed" when nobody was
-- reached and sends failed (issue 18.1). A post sent once takes its sending's outcome. The reason a delivery failed (the
-- platform unreachable, the channel's token refused, the message rejected…) is kept in deliveries.skip_reason, as the
-- reason a member was skipped is: one column, "why this member did not get it".

ALTER TABLE broadcasts DROP CONSTRAINT broadcasts_status_check;
ALTER TABLE broadcasts ADD CONSTRAINT broadcasts_status_check
    CHECK (status IN ('planned', 'sending', 'paused', 'completed', 'partial', 'cancelled', 'failed'));

ALTER TABLE posts DROP CONSTRAINT posts_status_check;
ALTER TABLE posts ADD CONSTRAINT posts_status_check
    CHECK (status IN ('draft', 'submitted', 'approved', 'scheduled', 'sending', 'sent', 'partial', 'cancelled', 'failed'));

-- Whether a channel works, as its last sends found it: "ok", "token_refused" (our access token refused), "unreachable"
-- (the platform did not answer after retries). Written only when it changes; the console shows a channel that is down.
CREATE TABLE channel_health (
    channel     text PRIMARY KEY,
    state       text NOT NULL CHECK (state IN ('ok', 'token_refused', 'unreachable')),
    detail      text,
    since       timestamptz NOT NULL,
    checked_at  timestamptz NOT NULL
);

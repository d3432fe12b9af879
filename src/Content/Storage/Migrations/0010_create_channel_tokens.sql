-- OAuth tokens a channel needs to call its platform (the Zalo OA access token and its single-use, rotating refresh token).
-- One row per channel account. Refreshing locks the row (SELECT … FOR UPDATE), so of several hosts only one spends a
-- refresh token; the others wait, see the bumped version, and use the winner's new access token.

CREATE TABLE channel_tokens (
    channel           text NOT NULL,
    account_id        text NOT NULL,
    access_token      text,
    access_expires_at timestamptz,
    refresh_token     text NOT NULL,
    version           bigint NOT NULL DEFAULT 1,
    seed_hash         text,
    last_error        text,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, account_id)
);

-- What the platforms themselves report about a post: staff link a post to the Facebook Page post or Zalo article it was
-- also published as, and a recurring job pulls the metrics that still exist (PLATFORM-MESSENGER.md §4.2, PLATFORM-ZALO.md §4.1).

CREATE TABLE post_platform_links (
    post_id        bigint NOT NULL REFERENCES posts (id),
    platform       text NOT NULL CHECK (platform IN ('facebook', 'zalo')),
    external_id    text NOT NULL CHECK (external_id ~ '^[0-9A-Za-z_]{1,100}$'),
    linked_by      bigint NOT NULL REFERENCES staff_users (id),
    linked_at      timestamptz NOT NULL,
    last_polled_at timestamptz,
    last_error     text,
    PRIMARY KEY (post_id, platform)
);

-- The latest value of each metric (a lifetime figure, as the platforms give it).
CREATE TABLE post_insights (
    post_id    bigint NOT NULL REFERENCES posts (id),
    platform   text NOT NULL,
    metric     text NOT NULL,
    value      bigint NOT NULL,
    fetched_at timestamptz NOT NULL,
    PRIMARY KEY (post_id, platform, metric)
);

-- A contact is one member on one channel account (a Facebook Page or a Zalo OA): the platform's user id is scoped to it
-- (a Messenger PSID is page-scoped; a Zalo user id is app/OA-scoped).

CREATE TABLE contacts (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel          text NOT NULL CHECK (channel IN ('messenger', 'zalo', 'webchat')),
    account_id       text NOT NULL,
    platform_user_id text NOT NULL,
    org_unit_id      bigint REFERENCES org_units (id),
    display_name     text,
    status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'unfollowed', 'blocked', 'erased')),
    last_inbound_at  timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (channel, account_id, platform_user_id)
);

CREATE INDEX contacts_org_unit_idx ON contacts (org_unit_id);

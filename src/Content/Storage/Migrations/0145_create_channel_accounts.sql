-- Channel accounts (issue 13.2): the installation's Facebook Pages and Zalo OAs, each belonging to a unit (a province's
-- and a commune's own). Webhooks are routed by account_id (Messenger entry[].id, Zalo oa_id) to the account's secret for
-- the signature check and its token for replies and broadcasts. Secrets are stored only as ASP.NET Core Data Protection
-- payloads (*_protected; the key ring is data_protection_keys) and are never shown back. The Zalo OA's rotating tokens stay
-- in channel_tokens (account_id = the OA id), now protected as well.
--
-- org_unit_id NULL: seeded from configuration before the installation had a unit; it then belongs to the top unit.
-- origin: 'config' (seeded from Outreach:Messenger / Outreach:Zalo; seed_hash says from which values) or 'staff'.

CREATE TABLE channel_accounts (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel                  text NOT NULL REFERENCES channels (name),
    account_id               text NOT NULL CHECK (account_id ~ '^[0-9]{1,32}$'),
    name                     text NOT NULL DEFAULT '' CHECK (char_length(name) <= 200),
    org_unit_id              bigint REFERENCES org_units (id),
    app_id                   text CHECK (app_id IS NULL OR app_id ~ '^[0-9]{1,32}$'),
    app_secret_protected     text,
    webhook_secret_protected text,
    access_token_protected   text,
    is_active                boolean NOT NULL DEFAULT true,
    origin                   text NOT NULL DEFAULT 'staff' CHECK (origin IN ('staff', 'config')),
    seed_hash                text,
    secrets_changed_at       timestamptz,
    secrets_changed_by       bigint REFERENCES staff_users (id),
    health_state             text NOT NULL DEFAULT 'unknown' CHECK (health_state IN ('unknown', 'ok', 'token_refused', 'unreachable')),
    health_detail            text,
    health_since             timestamptz,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    UNIQUE (channel, account_id)
);

CREATE INDEX channel_accounts_unit_idx ON channel_accounts (org_unit_id);

-- A merge moves a merged unit's accounts to the survivor, like its members and posts.
CREATE FUNCTION channel_accounts_follow_merge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE channel_accounts SET org_unit_id = NEW.merged_into_id, updated_at = now() WHERE org_unit_id = NEW.id;
    RETURN NEW;
END $$;

CREATE TRIGGER org_units_merge_channel_accounts AFTER UPDATE OF merged_into_id ON org_units
    FOR EACH ROW WHEN (NEW.merged_into_id IS NOT NULL AND OLD.merged_into_id IS DISTINCT FROM NEW.merged_into_id)
    EXECUTE FUNCTION channel_accounts_follow_merge();

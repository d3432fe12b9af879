-- Staff sessions and accounts (issue 15, items 1, 5 and 6; issue 18, item 6).
--
-- security_stamp: copied into the sign-in cookie and compared on every request. Signing out, changing or resetting the
-- password, locking the account and changing its role or unit replace it, so every cookie issued before stops working.
-- must_change_password: set on accounts an admin created or reset (a one-time password); the console and the API then
-- allow nothing but choosing a new password.

ALTER TABLE staff_users
    ADD COLUMN security_stamp       uuid NOT NULL DEFAULT gen_random_uuid(),
    ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
    ADD COLUMN updated_at           timestamptz NOT NULL DEFAULT now();

-- Who did what to a staff account, and when: created, edited (with the changes), locked, unlocked, password reset by an
-- admin, password changed by its owner. Never the password itself.
CREATE TABLE staff_account_events (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_user_id bigint NOT NULL REFERENCES staff_users (id),
    actor_id      bigint REFERENCES staff_users (id),
    action        text NOT NULL CHECK (action IN ('created', 'edited', 'locked', 'unlocked', 'password_reset', 'password_changed')),
    detail        jsonb NOT NULL DEFAULT '{}',
    at            timestamptz NOT NULL
);

CREATE INDEX staff_account_events_user_idx ON staff_account_events (staff_user_id, id);

-- Failed sign-ins by username, whether or not such an account exists (a lock must not reveal which usernames are real).
-- After a few failures the name is locked for a while, and each further failure doubles the wait. A success deletes the row.
CREATE TABLE sign_in_failures (
    username        text PRIMARY KEY CHECK (length(username) <= 128),
    failures        integer NOT NULL,
    last_failed_at  timestamptz NOT NULL,
    locked_until    timestamptz
);

-- ASP.NET Core Data Protection's key ring, shared by every host: cookies and antiforgery tokens made by one host are read by
-- the others and survive restarts. Each row is one key's XML as Data Protection writes it (encrypted with the configured
-- certificate when Outreach:DataProtection:CertificatePath is set).
CREATE TABLE data_protection_keys (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text NOT NULL UNIQUE,
    xml           text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Issue 18: the name the platform gives a member (Messenger's User Profile API, Zalo's user detail) is looked up after her
-- turn, never during it, and kept in contacts.display_name (erasing her removes it, as before).
--   profile_due_at      when a lookup is wanted (her first interaction, or one after profile_refresh_at); cleared once done.
--                       A worker claims due rows by moving this forward by a lease, so a host dying mid-lookup only delays it.
--   profile_refresh_at  before this, her interactions ask for no new lookup (a found name, or a lasting refusal).
--   profile_checked_at  the last lookup's end; profile_outcome what it was (found, unavailable, no_permission, failed…).
--   profile_attempts    transient failures in a row (network, rate limit), retried with backoff up to a limit.
ALTER TABLE contacts
    ADD COLUMN profile_due_at     timestamptz,
    ADD COLUMN profile_refresh_at timestamptz,
    ADD COLUMN profile_checked_at timestamptz,
    ADD COLUMN profile_outcome    text,
    ADD COLUMN profile_attempts   smallint NOT NULL DEFAULT 0;

CREATE INDEX contacts_profile_due_idx ON contacts (profile_due_at) WHERE profile_due_at IS NOT NULL;

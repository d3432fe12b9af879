-- Knowledge staff manage (issue 14.1): entries, hotlines, trusted addresses, screening days and crisis cues that a unit adds
-- or overrides on top of the shipped pack (the national baseline). An item with org_unit_id NULL edits the national baseline
-- itself (only the top unit's admins); otherwise it applies to the members of that unit's subtree. Every change is a version:
-- a draft waits for a higher unit's approver (never whoever wrote or edited it), the approved one is in use, older ones stay
-- to compare and restore.

CREATE TABLE kb_items (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_unit_id     bigint REFERENCES org_units (id),
    kind            text NOT NULL CHECK (kind IN ('entry', 'hotline', 'address', 'screening', 'crisis')),
    -- The entry's id (an override has the national entry's id), the hotline's number, the crisis group's name; null otherwise.
    item_key        text,
    current_version integer,
    revision        integer NOT NULL DEFAULT 0,
    created_by      bigint NOT NULL REFERENCES staff_users (id),
    created_at      timestamptz NOT NULL
);

CREATE UNIQUE INDEX kb_items_key_idx ON kb_items (coalesce(org_unit_id, 0), kind, item_key) WHERE item_key IS NOT NULL;
CREATE INDEX kb_items_unit_idx ON kb_items (org_unit_id);

CREATE TABLE kb_item_versions (
    item_id    bigint NOT NULL REFERENCES kb_items (id) ON DELETE CASCADE,
    version    integer NOT NULL,
    content    jsonb NOT NULL,
    status     text NOT NULL CHECK (status IN ('draft', 'approved', 'rejected', 'replaced')),
    written_by bigint NOT NULL REFERENCES staff_users (id),
    written_at timestamptz NOT NULL,
    edited_by  bigint[] NOT NULL DEFAULT '{}',
    decided_by bigint REFERENCES staff_users (id),
    decided_at timestamptz,
    note       text,
    restores   integer,
    PRIMARY KEY (item_id, version)
);

-- At most one open draft per item: edits go into it.
CREATE UNIQUE INDEX kb_item_versions_one_draft_idx ON kb_item_versions (item_id) WHERE status = 'draft';
CREATE INDEX kb_item_versions_drafts_idx ON kb_item_versions (written_at) WHERE status = 'draft';

-- Bumped by every approval: each host compares it with the revision its snapshot was built from (and is woken by NOTIFY).
CREATE TABLE kb_revision (
    id       integer PRIMARY KEY CHECK (id = 1),
    revision bigint NOT NULL
);

INSERT INTO kb_revision (id, revision) VALUES (1, 0);

-- Quick replies of an entry (title and the entry they answer), from the pack files or an export.
ALTER TABLE kb_entries ADD COLUMN quick_replies jsonb;

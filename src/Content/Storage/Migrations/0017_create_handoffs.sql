-- A member handed to a person: requested (by the member, or by the crisis guard), active (a staff member holds the
-- conversation: the bot stays silent), closed (released: the bot answers again). One open handoff per contact.

CREATE TABLE handoffs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id   bigint NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    status       text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'active', 'closed')),
    reason       text NOT NULL CHECK (reason IN ('member', 'crisis')),
    requested_at timestamptz NOT NULL,
    taken_by     text,
    taken_at     timestamptz,
    closed_at    timestamptz,
    closed_by    text,
    CHECK (status <> 'active' OR taken_by IS NOT NULL)
);

CREATE UNIQUE INDEX handoffs_open_contact_idx ON handoffs (contact_id) WHERE status IN ('requested', 'active');
CREATE INDEX handoffs_open_idx ON handoffs (requested_at) WHERE status IN ('requested', 'active');

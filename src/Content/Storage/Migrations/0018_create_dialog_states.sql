-- The running dialog of a member (subscription choice, screening lookup…), written in the turn's transaction.

CREATE TABLE dialog_states (
    contact_id bigint PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
    dialog     text NOT NULL,
    step       text NOT NULL,
    data       jsonb NOT NULL DEFAULT '{}',
    updated_at timestamptz NOT NULL
);

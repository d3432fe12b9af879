-- Staff who use the console and the staff API. A role is scoped to an org unit and everything below it.

CREATE TABLE staff_users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text NOT NULL UNIQUE CHECK (username = lower(username) AND length(username) BETWEEN 3 AND 64),
    display_name  text NOT NULL,
    org_unit_id   bigint NOT NULL REFERENCES org_units (id),
    role          text NOT NULL CHECK (role IN ('admin', 'editor', 'approver', 'viewer')),
    password_hash text NOT NULL,
    is_active     boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX staff_users_org_unit_idx ON staff_users (org_unit_id);

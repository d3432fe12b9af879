-- Reach: what happened to a broadcast once it left us, as append-only facts. Each row is written in the same statement or
-- transaction as the state change that caused it (a delivery recorded sent, a receipt, a click, a member's reply or
-- opt-out), so the facts and the state never disagree. Roll-ups read this table; dashboards read the roll-ups.
-- tx is the writing transaction's id: the roll-up consumes only rows of transactions older than every transaction still
-- running (pg_snapshot_xmin), so a slow writer's rows are never skipped by a watermark that moved past them.

CREATE TABLE reach_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx           xid8 NOT NULL DEFAULT pg_current_xact_id(),
    kind         text NOT NULL CHECK (kind IN ('sent', 'delivered', 'read', 'clicked', 'replied', 'unsubscribed')),
    broadcast_id bigint NOT NULL REFERENCES broadcasts (id),
    contact_id   bigint NOT NULL REFERENCES contacts (id),
    org_unit_id  bigint REFERENCES org_units (id),
    channel      text NOT NULL,
    at           timestamptz NOT NULL
);

CREATE INDEX reach_events_tx_idx ON reach_events (tx, id);

-- Events arrive roughly in time order: a tiny BRIN index lets a new period's back-fill read only its own months.
CREATE INDEX reach_events_at_brin ON reach_events USING brin (at);

-- Reporting periods: every calendar year (created as events arrive), and the terms (nhiệm kỳ) or other spans staff define.
-- Dates are Vietnamese calendar days (Asia/Ho_Chi_Minh), both ends included. A new period is back-filled from the raw events
-- by the next roll-up (is_rolled_up turns true in the same transaction).
CREATE TABLE report_periods (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         text NOT NULL CHECK (kind IN ('year', 'term', 'custom')),
    code         text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Za-z_-]{1,32}$'),
    name_vi      text NOT NULL CHECK (length(btrim(name_vi)) BETWEEN 1 AND 120),
    starts_on    date NOT NULL,
    ends_on      date NOT NULL,
    is_rolled_up boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on >= starts_on)
);

-- Roll-ups of reach_events. Every row is stored for the event's unit AND each of its ancestors (the tree is rolled up when
-- written), so "this unit and everything below it" is a primary-key range read, never a scan of the subtree.
--
-- reach_daily: lượt (events) per unit, Vietnamese day, broadcast, channel and kind; people = members counted for the first
-- time for that broadcast (summing people over days is exact for a broadcast).
-- reach_period_people: unique people per period (and per topic; '' = every topic). Unique people cannot be summed from daily
-- counts, so each (scope, kind, member) is remembered once in reach_firsts with the units she was already counted under.

CREATE TABLE reach_daily (
    org_unit_id  bigint NOT NULL,
    day          date NOT NULL,
    broadcast_id bigint NOT NULL,
    channel      text NOT NULL,
    kind         text NOT NULL,
    events       integer NOT NULL,
    people       integer NOT NULL,
    PRIMARY KEY (org_unit_id, day, broadcast_id, channel, kind)
);

CREATE INDEX reach_daily_broadcast_idx ON reach_daily (broadcast_id, org_unit_id);

CREATE TABLE reach_period_people (
    period_id   bigint NOT NULL REFERENCES report_periods (id) ON DELETE CASCADE,
    org_unit_id bigint NOT NULL,
    topic       text NOT NULL,
    channel     text NOT NULL,
    kind        text NOT NULL,
    people      integer NOT NULL,
    PRIMARY KEY (period_id, org_unit_id, topic, channel, kind)
);

-- scope: 'b:<broadcast>' (kinds a member can repeat: clicked, replied, unsubscribed), 'p:<period>' and 'p:<period>:t:<topic>'.
CREATE TABLE reach_firsts (
    scope      text NOT NULL,
    kind       text NOT NULL,
    contact_id bigint NOT NULL,
    units      bigint[] NOT NULL,
    PRIMARY KEY (scope, kind, contact_id)
);

-- The roll-up's position: the (tx, id) of the last event consumed. One row.
CREATE TABLE reach_rollup_state (
    id                smallint PRIMARY KEY CHECK (id = 1),
    last_tx           xid8 NOT NULL DEFAULT '0',
    last_id           bigint NOT NULL DEFAULT 0,
    rolled_up_at      timestamptz,
    rebuild_requested boolean NOT NULL DEFAULT false
);

INSERT INTO reach_rollup_state (id) VALUES (1);

-- A unit that moves changes which ancestors its past reach belongs to: the next roll-up recomputes everything from the events.
CREATE FUNCTION reach_request_rebuild() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reach_rollup_state SET rebuild_requested = true WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER org_units_reach_rebuild_trg
    AFTER UPDATE OF parent_id ON org_units
    FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id)
    EXECUTE FUNCTION reach_request_rebuild();

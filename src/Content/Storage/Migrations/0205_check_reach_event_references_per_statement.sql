-- Issue 17: every outcome recorded "sent" appends a reach event in the same statement, and the three foreign keys of
-- reach_events checked every row with a query of their own and locked the member's contacts row (a WAL record each) and the
-- broadcast's row (shared by every worker of the send): about half of the outcome write's database CPU during a large send
-- (bench/README, "Outcome writes"). As migration 0180 did for deliveries, the same guarantees are now checked once per
-- statement:
--   * the events an INSERT adds must name an existing broadcast, contact and (when set) org unit (one join over the statement's
--     new rows), and their broadcasts are locked FOR KEY SHARE until the end of the transaction, as the foreign key did;
--   * reach events are append-only facts: their broadcast, contact and unit never change;
--   * a broadcast, contact or org unit that reach events name cannot be deleted or truncated (nothing in the gateway deletes
--     them). The guard first waits for the transactions writing reach events (a SHARE lock on the table), so that it also sees
--     events committed meanwhile, as the foreign key's own check did.

ALTER TABLE reach_events DROP CONSTRAINT reach_events_broadcast_id_fkey;
ALTER TABLE reach_events DROP CONSTRAINT reach_events_contact_id_fkey;
ALTER TABLE reach_events DROP CONSTRAINT reach_events_org_unit_id_fkey;

CREATE FUNCTION reach_events_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing record;
BEGIN
    PERFORM 1 FROM broadcasts b WHERE b.id IN (SELECT DISTINCT n.broadcast_id FROM new_reach_events n) FOR KEY SHARE OF b;
    SELECT n.broadcast_id, n.contact_id, n.org_unit_id INTO missing
    FROM new_reach_events n
    LEFT JOIN broadcasts b ON b.id = n.broadcast_id
    LEFT JOIN contacts c ON c.id = n.contact_id
    LEFT JOIN org_units o ON o.id = n.org_unit_id
    WHERE b.id IS NULL OR c.id IS NULL OR (n.org_unit_id IS NOT NULL AND o.id IS NULL)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', TABLE = 'reach_events',
            MESSAGE = format('reach event (broadcast %s, contact %s, unit %s) names a broadcast, contact or unit that does not exist',
                             missing.broadcast_id, missing.contact_id, missing.org_unit_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER reach_events_check_references_trg AFTER INSERT ON reach_events
    REFERENCING NEW TABLE AS new_reach_events FOR EACH STATEMENT EXECUTE FUNCTION reach_events_check_references();

CREATE FUNCTION reach_events_keep_references() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', TABLE = 'reach_events',
        MESSAGE = 'a reach event''s broadcast, contact and unit never change';
END $$;

CREATE TRIGGER reach_events_keep_references_trg BEFORE UPDATE OF broadcast_id, contact_id, org_unit_id ON reach_events
    FOR EACH ROW WHEN (OLD.broadcast_id IS DISTINCT FROM NEW.broadcast_id OR OLD.contact_id IS DISTINCT FROM NEW.contact_id
                       OR OLD.org_unit_id IS DISTINCT FROM NEW.org_unit_id)
    EXECUTE FUNCTION reach_events_keep_references();

-- TG_ARGV[0]: the column of reach_events that names the deleted row (broadcast_id, contact_id or org_unit_id).
CREATE FUNCTION reach_events_restrict_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referenced boolean;
BEGIN
    LOCK TABLE reach_events IN SHARE MODE;
    IF TG_LEVEL = 'STATEMENT' THEN
        referenced := EXISTS (SELECT 1 FROM reach_events);
    ELSE
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM reach_events WHERE %I = $1)', TG_ARGV[0]) INTO referenced USING OLD.id;
    END IF;
    IF referenced THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME,
            MESSAGE = format('%s still named by reach_events', TG_TABLE_NAME);
    END IF;
    RETURN OLD;
END $$;

-- No index on reach_events' contact or unit for these guards: a delete reads the table as the foreign key's own check did
-- (nothing deletes these rows; an index would cost every event an entry).
CREATE TRIGGER broadcasts_restrict_delete_reach_trg BEFORE DELETE ON broadcasts
    FOR EACH ROW EXECUTE FUNCTION reach_events_restrict_delete('broadcast_id');
CREATE TRIGGER contacts_restrict_delete_reach_trg BEFORE DELETE ON contacts
    FOR EACH ROW EXECUTE FUNCTION reach_events_restrict_delete('contact_id');
CREATE TRIGGER org_units_restrict_delete_reach_trg BEFORE DELETE ON org_units
    FOR EACH ROW EXECUTE FUNCTION reach_events_restrict_delete('org_unit_id');
CREATE TRIGGER broadcasts_restrict_truncate_reach_trg BEFORE TRUNCATE ON broadcasts
    FOR EACH STATEMENT EXECUTE FUNCTION reach_events_restrict_delete();
CREATE TRIGGER contacts_restrict_truncate_reach_trg BEFORE TRUNCATE ON contacts
    FOR EACH STATEMENT EXECUTE FUNCTION reach_events_restrict_delete();
CREATE TRIGGER org_units_restrict_truncate_reach_trg BEFORE TRUNCATE ON org_units
    FOR EACH STATEMENT EXECUTE FUNCTION reach_events_restrict_delete();

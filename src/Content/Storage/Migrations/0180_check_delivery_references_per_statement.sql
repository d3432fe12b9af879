-- Issue 17: planning a broadcast inserts one delivery row per member, and the two foreign keys of deliveries checked every
-- row with a query of their own (and locked every member's contacts row, writing WAL for each lock): more than half of
-- planning's time and a third of its WAL at 1M members (bench/README, "Broadcast planning"). The same guarantees are now
-- checked once per statement:
--   * the rows an INSERT adds must name existing broadcasts and contacts (one join over the statement's new rows), and their
--     broadcasts are locked FOR KEY SHARE until the end of the transaction, as the foreign key did;
--   * a delivery's broadcast and member never change (the foreign key re-checked them on such an UPDATE);
--   * a broadcast or contact that has deliveries cannot be deleted or truncated (nothing in the gateway deletes them: a member
--     is erased in place). The delete guard first waits for the transactions writing deliveries (a SHARE lock on the table)
--     so that it also sees a plan committed meanwhile, as the foreign key's own check did.

ALTER TABLE deliveries DROP CONSTRAINT deliveries_broadcast_id_fkey;
ALTER TABLE deliveries DROP CONSTRAINT deliveries_contact_id_fkey;

CREATE FUNCTION deliveries_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing record;
BEGIN
    PERFORM 1 FROM broadcasts b WHERE b.id IN (SELECT DISTINCT n.broadcast_id FROM new_deliveries n) FOR KEY SHARE OF b;
    SELECT n.broadcast_id, n.contact_id INTO missing
    FROM new_deliveries n
    LEFT JOIN broadcasts b ON b.id = n.broadcast_id
    LEFT JOIN contacts c ON c.id = n.contact_id
    WHERE b.id IS NULL OR c.id IS NULL
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', TABLE = 'deliveries',
            MESSAGE = format('delivery (broadcast %s, contact %s) names a broadcast or contact that does not exist',
                             missing.broadcast_id, missing.contact_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER deliveries_check_references_trg AFTER INSERT ON deliveries
    REFERENCING NEW TABLE AS new_deliveries FOR EACH STATEMENT EXECUTE FUNCTION deliveries_check_references();

CREATE FUNCTION deliveries_keep_references() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', TABLE = 'deliveries',
        MESSAGE = 'a delivery''s broadcast and contact never change';
END $$;

CREATE TRIGGER deliveries_keep_references_trg BEFORE UPDATE OF broadcast_id, contact_id ON deliveries
    FOR EACH ROW WHEN (OLD.broadcast_id IS DISTINCT FROM NEW.broadcast_id OR OLD.contact_id IS DISTINCT FROM NEW.contact_id)
    EXECUTE FUNCTION deliveries_keep_references();

-- TG_ARGV[0]: the column of deliveries that names the deleted row (broadcast_id or contact_id).
CREATE FUNCTION deliveries_restrict_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referenced boolean;
BEGIN
    LOCK TABLE deliveries IN SHARE MODE;
    IF TG_LEVEL = 'STATEMENT' THEN
        referenced := EXISTS (SELECT 1 FROM deliveries);
    ELSE
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM deliveries WHERE %I = $1)', TG_ARGV[0]) INTO referenced USING OLD.id;
    END IF;
    IF referenced THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME,
            MESSAGE = format('%s still named by deliveries', TG_TABLE_NAME);
    END IF;
    RETURN OLD;
END $$;

CREATE TRIGGER broadcasts_restrict_delete_trg BEFORE DELETE ON broadcasts
    FOR EACH ROW EXECUTE FUNCTION deliveries_restrict_delete('broadcast_id');
CREATE TRIGGER contacts_restrict_delete_trg BEFORE DELETE ON contacts
    FOR EACH ROW EXECUTE FUNCTION deliveries_restrict_delete('contact_id');
CREATE TRIGGER broadcasts_restrict_truncate_trg BEFORE TRUNCATE ON broadcasts
    FOR EACH STATEMENT EXECUTE FUNCTION deliveries_restrict_delete();
CREATE TRIGGER contacts_restrict_truncate_trg BEFORE TRUNCATE ON contacts
    FOR EACH STATEMENT EXECUTE FUNCTION deliveries_restrict_delete();

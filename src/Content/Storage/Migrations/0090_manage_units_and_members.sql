-- The unit tree as data staff manage (src/Content/UnitTree/README.md): every unit gets a join code members type on Zalo,
-- units can be deactivated (no new members, history kept) or merged into another (merged_into_id: the facts written under
-- the merged unit count for the survivor), and the national administrative code (mã ĐVHC) of a seeded commune or province.
-- Every change staff make to units and members is audited; members' joining and leaving is kept per unit over time.

-- Damm's check digit: catches every single wrong digit and every swap of two neighbouring digits (C#: UnitMatching/JoinCode.cs).
CREATE FUNCTION damm_check_digit(digits text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    t constant smallint[] := ARRAY[
        [0, 3, 1, 7, 5, 9, 8, 6, 4, 2], [7, 0, 9, 2, 1, 5, 4, 8, 6, 3], [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
        [1, 7, 5, 0, 9, 8, 3, 4, 2, 6], [6, 1, 2, 3, 0, 4, 5, 9, 7, 8], [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
        [5, 8, 6, 9, 7, 2, 0, 1, 3, 4], [8, 9, 4, 5, 3, 6, 2, 0, 1, 7], [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
        [2, 5, 8, 1, 4, 3, 6, 7, 9, 0]];
    interim smallint := 0;
BEGIN
    FOR i IN 1 .. length(digits) LOOP
        interim := t[interim + 1][substr(digits, i, 1)::smallint + 1];
    END LOOP;
    RETURN interim::text;
END;
$$;

-- Six digits (five random, the first never 0, then the check digit): short and typed with one key each on any phone.
CREATE FUNCTION org_units_new_join_code() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    body text;
BEGIN
    LOOP
        body := (10000 + floor(random() * 90000))::int::text;
        IF NOT EXISTS (SELECT 1 FROM org_units WHERE join_code = body || damm_check_digit(body)) THEN
            RETURN body || damm_check_digit(body);
        END IF;
    END LOOP;
END;
$$;

ALTER TABLE org_units
    ADD COLUMN join_code text,
    ADD COLUMN admin_code text,
    ADD COLUMN is_active boolean NOT NULL DEFAULT true,
    ADD COLUMN deactivated_at timestamptz,
    ADD COLUMN merged_into_id bigint REFERENCES org_units (id),
    ADD COLUMN merged_at timestamptz,
    ADD CONSTRAINT org_units_merged_is_inactive CHECK (merged_into_id IS NULL OR NOT is_active),
    ADD CONSTRAINT org_units_not_merged_into_itself CHECK (merged_into_id <> id);

DO $$
DECLARE
    unit record;
BEGIN
    FOR unit IN SELECT id FROM org_units WHERE join_code IS NULL ORDER BY id LOOP
        UPDATE org_units SET join_code = org_units_new_join_code() WHERE id = unit.id;
    END LOOP;
END;
$$;

ALTER TABLE org_units ALTER COLUMN join_code SET NOT NULL;
ALTER TABLE org_units ADD CONSTRAINT org_units_join_code_key UNIQUE (join_code);
CREATE INDEX org_units_merged_into_idx ON org_units (merged_into_id) WHERE merged_into_id IS NOT NULL;
CREATE INDEX org_units_admin_code_idx ON org_units (admin_code) WHERE admin_code IS NOT NULL;

CREATE FUNCTION org_units_set_join_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.join_code IS NULL THEN
        NEW.join_code := org_units_new_join_code();
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER org_units_set_join_code_trg BEFORE INSERT ON org_units FOR EACH ROW EXECUTE FUNCTION org_units_set_join_code();

-- Bumped by every statement that changes org_units: caches of the tree (the place matcher's index) compare it.
CREATE TABLE org_unit_tree_version (
    id      smallint PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);

INSERT INTO org_unit_tree_version (id, version) VALUES (1, 0);

CREATE FUNCTION org_units_bump_tree_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE org_unit_tree_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER org_units_tree_version_trg
    AFTER INSERT OR UPDATE OR DELETE ON org_units
    FOR EACH STATEMENT EXECUTE FUNCTION org_units_bump_tree_version();

-- A merge changes which unit the merged unit's past reach counts for: the next roll-up recomputes everything.
CREATE TRIGGER org_units_merge_reach_rebuild_trg
    AFTER UPDATE OF merged_into_id ON org_units
    FOR EACH ROW WHEN (OLD.merged_into_id IS DISTINCT FROM NEW.merged_into_id)
    EXECUTE FUNCTION reach_request_rebuild();

-- Who changed what in the unit tree and among members (never a member's name or message).
CREATE TABLE audit_entries (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor_id    bigint REFERENCES staff_users (id),
    action      text NOT NULL,
    org_unit_id bigint REFERENCES org_units (id),
    contact_id  bigint REFERENCES contacts (id),
    detail      jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_entries_unit_idx ON audit_entries (org_unit_id, id);
CREATE INDEX audit_entries_contact_idx ON audit_entries (contact_id, id) WHERE contact_id IS NOT NULL;

-- Members connected over time ("hội viên kết nối"): a member is connected to her unit while she is active (follows the
-- Page/OA) and placed in a unit. Every change of that is one row, written by the trigger below in the same statement as the
-- change (whatever code made it), at the contact's updated_at (created_at for a new contact). from/to NULL: not connected.
CREATE TABLE member_transitions (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id   bigint NOT NULL REFERENCES contacts (id),
    channel      text NOT NULL,
    from_unit_id bigint REFERENCES org_units (id),
    to_unit_id   bigint REFERENCES org_units (id),
    at           timestamptz NOT NULL,
    CHECK (from_unit_id IS DISTINCT FROM to_unit_id)
);

CREATE INDEX member_transitions_at_idx ON member_transitions (at);
CREATE INDEX member_transitions_to_idx ON member_transitions (to_unit_id, at) WHERE to_unit_id IS NOT NULL;
CREATE INDEX member_transitions_from_idx ON member_transitions (from_unit_id, at) WHERE from_unit_id IS NOT NULL;

-- A merged unit stands for the unit it was merged into: moving members from it to its survivor is no transition.
CREATE FUNCTION org_units_effective_id(unit_id bigint) RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT coalesce(merged_into_id, id) FROM org_units WHERE id = unit_id
$$;

CREATE FUNCTION contacts_record_transition() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_unit bigint := CASE WHEN TG_OP = 'UPDATE' AND OLD.status = 'active' THEN OLD.org_unit_id END;
    new_unit bigint := CASE WHEN NEW.status = 'active' THEN NEW.org_unit_id END;
BEGIN
    IF old_unit IS NOT DISTINCT FROM new_unit
       OR (old_unit IS NOT NULL AND new_unit IS NOT NULL AND org_units_effective_id(old_unit) = org_units_effective_id(new_unit)) THEN
        RETURN NULL;
    END IF;
    INSERT INTO member_transitions (contact_id, channel, from_unit_id, to_unit_id, at)
    VALUES (NEW.id, NEW.channel, old_unit, new_unit, CASE WHEN TG_OP = 'INSERT' THEN NEW.created_at ELSE NEW.updated_at END);
    RETURN NULL;
END;
$$;

CREATE TRIGGER contacts_transition_insert_trg
    AFTER INSERT ON contacts
    FOR EACH ROW WHEN (NEW.org_unit_id IS NOT NULL AND NEW.status = 'active')
    EXECUTE FUNCTION contacts_record_transition();

CREATE TRIGGER contacts_transition_update_trg
    AFTER UPDATE OF org_unit_id, status ON contacts
    FOR EACH ROW WHEN (OLD.org_unit_id IS DISTINCT FROM NEW.org_unit_id OR OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION contacts_record_transition();

INSERT INTO member_transitions (contact_id, channel, from_unit_id, to_unit_id, at)
SELECT id, channel, NULL, org_unit_id, created_at FROM contacts WHERE org_unit_id IS NOT NULL AND status = 'active';

-- A contact's name folded to plain ASCII (the members page searches "nguyen thi" for "Nguyễn Thị"); C#: VietnameseText.Fold.
CREATE FUNCTION vn_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT translate(lower(normalize(value, NFC)),
        'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ',
        'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')
$$;

-- Targets can count members connected (all channels, or one: "1.000 hội viên theo dõi Zalo OA của xã").
ALTER TABLE indicators DROP CONSTRAINT indicators_source_check;
ALTER TABLE indicators ADD CONSTRAINT indicators_source_check CHECK (source IN ('reach', 'posts', 'manual', 'members'));
ALTER TABLE indicators ADD COLUMN channel text REFERENCES channels (name);
ALTER TABLE indicators ADD CONSTRAINT indicators_channel_only_members CHECK (channel IS NULL OR source = 'members');
ALTER TABLE indicators ADD CONSTRAINT indicators_members_no_topic CHECK (source <> 'members' OR topic IS NULL);

INSERT INTO indicators (code, name_vi, unit_vi, source, channel, percent_decimals) VALUES
    ('members_connected', 'Hội viên kết nối qua Zalo, Messenger', 'người', 'members', NULL, 0),
    ('members_connected_zalo', 'Hội viên theo dõi Zalo OA', 'người', 'members', 'zalo', 0),
    ('members_connected_messenger', 'Hội viên nhắn tin với Trang Facebook', 'người', 'members', 'messenger', 0);

-- Org units form a tree: province → (district, where it still exists) → commune/ward → chi hội → tổ.
-- Levels are data (org_unit_levels), so a province without districts just skips that level.
-- path is a materialised list of ids ('/1/5/12/'), kept by triggers, so a subtree is one index range scan.

CREATE TABLE org_unit_levels (
    code    text PRIMARY KEY,
    name_vi text NOT NULL,
    rank    smallint NOT NULL UNIQUE CHECK (rank >= 0)
);

INSERT INTO org_unit_levels (code, name_vi, rank) VALUES
    ('trung_uong', 'Trung ương', 0),
    ('tinh', 'Tỉnh/Thành phố', 1),
    ('huyen', 'Huyện/Quận/Thị xã', 2),
    ('xa', 'Xã/Phường/Đặc khu', 3),
    ('chi_hoi', 'Chi hội', 4),
    ('to', 'Tổ phụ nữ', 5);

CREATE TABLE org_units (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id  bigint REFERENCES org_units (id),
    level      text NOT NULL REFERENCES org_unit_levels (code),
    code       text UNIQUE,
    name       text NOT NULL CHECK (length(btrim(name)) > 0),
    path       text NOT NULL,
    depth      integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX org_units_path_idx ON org_units (path text_pattern_ops);
CREATE INDEX org_units_parent_idx ON org_units (parent_id);

CREATE FUNCTION org_units_set_path() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parent_path  text;
    parent_depth integer;
    parent_rank  smallint;
    own_rank     smallint;
BEGIN
    SELECT rank INTO own_rank FROM org_unit_levels WHERE code = NEW.level;
    IF NEW.parent_id IS NULL THEN
        NEW.path := '/' || NEW.id || '/';
        NEW.depth := 0;
        RETURN NEW;
    END IF;

    SELECT u.path, u.depth, l.rank INTO parent_path, parent_depth, parent_rank
    FROM org_units u JOIN org_unit_levels l ON l.code = u.level
    WHERE u.id = NEW.parent_id;
    IF parent_path IS NULL THEN
        RAISE EXCEPTION 'parent org unit % does not exist', NEW.parent_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF own_rank <= parent_rank THEN
        RAISE EXCEPTION 'a % unit cannot sit under a unit of a higher or equal level', NEW.level USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'UPDATE' AND parent_path LIKE OLD.path || '%' THEN
        RAISE EXCEPTION 'org unit % cannot move under its own descendant', NEW.id USING ERRCODE = 'check_violation';
    END IF;

    NEW.path := parent_path || NEW.id || '/';
    NEW.depth := parent_depth + 1;
    RETURN NEW;
END;
$$;

CREATE TRIGGER org_units_set_path_trg
    BEFORE INSERT OR UPDATE OF parent_id, level ON org_units
    FOR EACH ROW EXECUTE FUNCTION org_units_set_path();

-- When a unit moves, its descendants' paths follow (the UPDATE below does not touch parent_id, so it does not re-fire the trigger above).
CREATE FUNCTION org_units_move_descendants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.path <> OLD.path THEN
        UPDATE org_units
        SET path = NEW.path || substr(path, length(OLD.path) + 1),
            depth = depth + (NEW.depth - OLD.depth)
        WHERE path LIKE OLD.path || '%' AND id <> NEW.id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER org_units_move_descendants_trg
    AFTER UPDATE OF parent_id, level ON org_units
    FOR EACH ROW EXECUTE FUNCTION org_units_move_descendants();

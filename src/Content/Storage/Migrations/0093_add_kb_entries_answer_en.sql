-- An entry's answer for a message written in English (hotline entries: a foreign husband, an NGO worker). Null: the
-- Vietnamese answer is given.
ALTER TABLE kb_entries ADD COLUMN answer_en text;

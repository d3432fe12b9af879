-- The content pack (src/Content/ContentPacks/pack) as loaded: one row per version, with its entries, hotlines, trusted
-- addresses and screening days. A new version is written when the files change; every host swaps to the newest one.
-- province = '' is the national pack; otherwise the province's org-unit code.

CREATE TABLE content_packs (
    version   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hash      text NOT NULL,
    texts     jsonb NOT NULL,
    crisis    jsonb NOT NULL,
    source    text,
    loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kb_entries (
    pack_version bigint NOT NULL REFERENCES content_packs (version) ON DELETE CASCADE,
    province     text NOT NULL DEFAULT '',
    id           text NOT NULL,
    topic        text NOT NULL,
    title        text NOT NULL,
    questions    text[] NOT NULL CHECK (cardinality(questions) > 0),
    keywords     text[] NOT NULL DEFAULT '{}',
    answer       text NOT NULL CHECK (length(btrim(answer)) > 0),
    source       text,
    valid_from   date,
    valid_until  date,
    action       text CHECK (action IN ('subscribe', 'screening', 'handoff')),
    PRIMARY KEY (pack_version, province, id),
    CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until)
);

CREATE TABLE hotlines (
    pack_version bigint NOT NULL REFERENCES content_packs (version) ON DELETE CASCADE,
    province     text NOT NULL DEFAULT '',
    position     integer NOT NULL,
    number       text NOT NULL,
    name         text NOT NULL,
    description  text,
    hours        text,
    PRIMARY KEY (pack_version, province, position)
);

CREATE TABLE community_addresses (
    pack_version bigint NOT NULL REFERENCES content_packs (version) ON DELETE CASCADE,
    province     text NOT NULL DEFAULT '',
    position     integer NOT NULL,
    name         text NOT NULL,
    commune      text NOT NULL,
    address      text,
    phone        text,
    org_unit     text,
    PRIMARY KEY (pack_version, province, position)
);

CREATE TABLE screening_events (
    pack_version bigint NOT NULL REFERENCES content_packs (version) ON DELETE CASCADE,
    province     text NOT NULL DEFAULT '',
    position     integer NOT NULL,
    starts_on    date NOT NULL,
    ends_on      date,
    place        text NOT NULL,
    commune      text NOT NULL,
    org_unit     text,
    who          text,
    note         text,
    PRIMARY KEY (pack_version, province, position)
);

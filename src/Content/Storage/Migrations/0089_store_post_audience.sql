-- A post's audience is one value (the Audience type: its channels, its units and any filter added later), stored whole, so
-- a new filter needs no migration. audience_channels and audience_units become one jsonb column.

ALTER TABLE posts ADD COLUMN audience jsonb;

UPDATE posts SET audience = jsonb_build_object('channels', to_jsonb(audience_channels), 'units', to_jsonb(audience_units));

ALTER TABLE posts
    ALTER COLUMN audience SET NOT NULL,
    ADD CONSTRAINT posts_audience_check CHECK (
        jsonb_typeof(audience -> 'channels') = 'array' AND jsonb_array_length(audience -> 'channels') > 0
        AND jsonb_typeof(audience -> 'units') = 'array' AND jsonb_array_length(audience -> 'units') > 0),
    DROP COLUMN audience_channels,
    DROP COLUMN audience_units;

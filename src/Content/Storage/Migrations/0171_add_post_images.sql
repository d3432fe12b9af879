-- Issue 16, slice 2: a post may carry an image (uploaded in the editor, checked by its content): on a Page feed it becomes a
-- photo post (Graph /{page-id}/photos). The bytes are kept in PostgreSQL (data), or in a folder on disk when
-- Outreach:Publishing:ImageFolder is set (disk_path, named by the content's SHA-256); never both.
CREATE TABLE post_images (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_type  text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    byte_size     int NOT NULL CHECK (byte_size > 0),
    width         int NOT NULL CHECK (width > 0),
    height        int NOT NULL CHECK (height > 0),
    sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    data          bytea,
    disk_path     text,
    uploaded_by   bigint NOT NULL REFERENCES staff_users (id),
    uploaded_at   timestamptz NOT NULL,
    CHECK ((data IS NULL) <> (disk_path IS NULL))
);

ALTER TABLE posts ADD COLUMN image_id bigint REFERENCES post_images (id);
ALTER TABLE post_edits ADD COLUMN image_id bigint;

-- A post for the Page feed only has no message audience: channels and units are required only when it sends messages.
ALTER TABLE posts DROP CONSTRAINT posts_audience_check;
ALTER TABLE posts ADD CONSTRAINT posts_audience_check CHECK (
    jsonb_typeof(audience -> 'channels') = 'array' AND jsonb_typeof(audience -> 'units') = 'array'
    AND (NOT ('messages' = ANY (destinations))
         OR (jsonb_array_length(audience -> 'channels') > 0 AND jsonb_array_length(audience -> 'units') > 0)));

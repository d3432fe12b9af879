-- Four eyes (issue 15.4): every version of a post's content is kept with its editor, and the post lists everyone who wrote
-- or edited it (posts.edited_by), so none of them approves it. Posts written before this keep their author as sole editor.

ALTER TABLE posts ADD COLUMN edited_by bigint[] NOT NULL DEFAULT '{}';
UPDATE posts SET edited_by = ARRAY[created_by];

CREATE TABLE post_edits (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id        bigint NOT NULL REFERENCES posts (id),
    editor_id      bigint NOT NULL REFERENCES staff_users (id),
    at             timestamptz NOT NULL,
    title          text NOT NULL,
    body           text NOT NULL,
    link_url       text,
    topic          text NOT NULL,
    is_promotional boolean NOT NULL,
    audience       jsonb NOT NULL
);

CREATE INDEX post_edits_post_idx ON post_edits (post_id, id);

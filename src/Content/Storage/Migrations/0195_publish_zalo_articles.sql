-- Issue 16, slice 3: a post may go out as a Zalo OA article broadcast (destination 'zalo_article'): the gateway creates the
-- article (POST /v2.0/article/create answers a token), waits for Zalo's processing and moderation (article/verify answers
-- -214 until the article has an id, or refuses it), then broadcasts it to the OA's followers (POST /v2.0/oa/message with
-- recipient.target). Each step's result is stored on the OA's post_publications row before the next step, so a crash between
-- them resumes from the stored token or article id and nothing is created or broadcast twice.

ALTER TABLE posts DROP CONSTRAINT posts_destinations_check;
ALTER TABLE posts ADD CONSTRAINT posts_destinations_check
    CHECK (cardinality(destinations) >= 1 AND destinations <@ ARRAY['messages', 'facebook_feed', 'zalo_article']::text[]);

ALTER TABLE post_publications DROP CONSTRAINT post_publications_destination_check;
ALTER TABLE post_publications ADD CONSTRAINT post_publications_destination_check
    CHECK (destination IN ('facebook_feed', 'zalo_article'));

-- article_token: create's answer (verify turns it into the id); article_id: the article, external_id's value once broadcast;
-- moderation: Zalo's review of the article (waiting, approved, rejected) with moderation_reason (Vietnamese) when rejected;
-- broadcast_id: the broadcast's message_id. broadcast_key: the attempt key under which the broadcast call went out (a
-- broadcast cannot be looked up afterwards, so an unanswered one is never sent again: it stops with a reason).
ALTER TABLE post_publications
    ADD COLUMN article_token      text,
    ADD COLUMN article_id         text,
    ADD COLUMN moderation         text CHECK (moderation IN ('waiting', 'approved', 'rejected')),
    ADD COLUMN moderation_reason  text,
    ADD COLUMN moderation_at      timestamptz,
    ADD COLUMN broadcast_key      uuid,
    ADD COLUMN broadcast_id       text;

-- The OA's own broadcasts per day and per month are counted from these rows (the limits are settings).
CREATE INDEX post_publications_zalo_broadcasts_idx ON post_publications (account_id, published_at)
    WHERE destination = 'zalo_article' AND status = 'published';

-- Crisis replies (the hotline answer) are urgent: the dispatcher sends them ahead of the member's other queued replies, so
-- a reply that keeps failing (or waits out a platform's backoff) never holds the hotline back.

ALTER TABLE outbound_messages ADD COLUMN urgent boolean NOT NULL DEFAULT false;

-- Issue 11.7 and 11.6: a platform's rate limit that asks for minutes (Meta 80006/613, Zalo -32) defers a delivery instead of
-- failing it: the row goes back to "queued" with not_before, and a chunk whose remaining rows all wait is handed back until
-- the earliest of them (workers restart then). A channel account's quota or billing error (Zalo -211/-320/-321) or a refused
-- token pauses the broadcast by itself; pause_reason and pause_detail say why on its page.

ALTER TABLE deliveries ADD COLUMN not_before timestamptz;
ALTER TABLE broadcast_chunks ADD COLUMN not_before timestamptz;

ALTER TABLE broadcasts ADD COLUMN pause_reason text;
ALTER TABLE broadcasts ADD COLUMN pause_detail text;

ALTER TABLE channel_health DROP CONSTRAINT channel_health_state_check;
ALTER TABLE channel_health ADD CONSTRAINT channel_health_state_check
    CHECK (state IN ('ok', 'token_refused', 'unreachable', 'quota_or_billing'));

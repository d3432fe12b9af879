-- The tables claim_writes.py writes to, as migrations 0032, 0155 and 0230 make them (no triggers, no other tables), with
-- 100,000 queued deliveries in 200 chunks held by one token.
DROP TABLE IF EXISTS delivery_claims, broadcast_chunks, deliveries;
CREATE TABLE deliveries (
    broadcast_id bigint NOT NULL, contact_id bigint NOT NULL, channel text NOT NULL, org_unit_id bigint,
    status text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'read', 'skipped', 'failed', 'unknown', 'cancelled')),
    skip_reason text, platform_message_id text, error_code text, chunk_no integer, attempts smallint NOT NULL DEFAULT 0,
    sent_at timestamptz, updated_at timestamptz NOT NULL, not_before timestamptz, PRIMARY KEY (broadcast_id, contact_id));
CREATE INDEX deliveries_chunk_idx ON deliveries (broadcast_id, chunk_no) WHERE chunk_no IS NOT NULL;
CREATE INDEX deliveries_contact_sent_idx ON deliveries (contact_id, sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX deliveries_platform_id_idx ON deliveries (platform_message_id) WHERE platform_message_id IS NOT NULL;
CREATE TABLE broadcast_chunks (broadcast_id bigint NOT NULL, chunk_no integer NOT NULL, status text NOT NULL DEFAULT 'claimed',
    claimed_until timestamptz, claim_token uuid, not_before timestamptz, PRIMARY KEY (broadcast_id, chunk_no));
CREATE TABLE delivery_claims (broadcast_id bigint NOT NULL, chunk_no integer NOT NULL, id bigint GENERATED ALWAYS AS IDENTITY,
    claim_token uuid NOT NULL, contact_ids bigint[] NOT NULL, claimed_at timestamptz NOT NULL, PRIMARY KEY (broadcast_id, chunk_no, id),
    FOREIGN KEY (broadcast_id, chunk_no) REFERENCES broadcast_chunks (broadcast_id, chunk_no) ON DELETE CASCADE);
INSERT INTO deliveries (broadcast_id, contact_id, channel, org_unit_id, status, chunk_no, updated_at)
SELECT 1, i, 'messenger', 7, 'queued', (i - 1) / 500, now() FROM generate_series(1, 100000) i;
INSERT INTO broadcast_chunks (broadcast_id, chunk_no, claimed_until, claim_token)
SELECT 1, c, now() + interval '1 minute', 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa' FROM generate_series(0, 199) c;
VACUUM ANALYZE deliveries; VACUUM ANALYZE broadcast_chunks; ANALYZE delivery_claims;
CHECKPOINT;

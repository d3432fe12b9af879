-- Issue 17: a claim writes one row per claimed batch instead of marking each of its deliveries "sending" (the delivery row
-- was written twice per message: claimed, then its outcome; now the outcome is its only write). A delivery is in flight while
-- it is still 'queued' and named by a batch of its chunk: the claim skips it, the cancel leaves it to its outcome, and the
-- chunk's next holder (the lease ran out: the worker died) turns it "unknown", never resent, as it did the rows left
-- "sending". An outcome that puts a row back in the queue (a rate limit) takes it out of its batch in the same statement;
-- finishing the chunk deletes its batches. 'sending' stays a valid status: rows a previous version left so are still
-- turned "unknown" by the chunk's next holder.
CREATE TABLE delivery_claims (
    broadcast_id bigint NOT NULL,
    chunk_no     integer NOT NULL,
    id           bigint GENERATED ALWAYS AS IDENTITY,
    claim_token  uuid NOT NULL,
    contact_ids  bigint[] NOT NULL,
    claimed_at   timestamptz NOT NULL,
    PRIMARY KEY (broadcast_id, chunk_no, id),
    FOREIGN KEY (broadcast_id, chunk_no) REFERENCES broadcast_chunks (broadcast_id, chunk_no) ON DELETE CASCADE
);

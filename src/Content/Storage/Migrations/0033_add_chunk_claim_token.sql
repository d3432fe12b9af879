-- Which worker holds a chunk: a claim takes a fresh token, and renewals, row claims and the chunk's finish must present it,
-- so a worker whose lease ran out (and whose chunk another worker took over) stops instead of working on beside it.
ALTER TABLE broadcast_chunks ADD COLUMN claim_token uuid;

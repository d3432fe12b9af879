#!/usr/bin/env python3
"""Writes the SQL a worker sends for 100,000 deliveries (chunks of 500, claims of 256, outcomes of 64), one variant a file.

before: each claim marks its rows 'sending' (the delivery row written twice per message, as until issue 17's perf17d);
batch:  each claim writes one delivery_claims row, the outcome statement always carries the batch update, the chunk's
        finish turns rows of its batches without an outcome 'unknown' (perf17d's first version);
kept:   as batch, but the outcome statement carries the batch update only when a row is put back (none here) and the
        finish only deletes the batches (the product since perf17d).
The statements are DeliveryStore's without the parts both variants share (the eligibility joins, the reach events).
Run by run.sh; see bench/README.md, "A claim writes one row per batch".
"""
import sys

N, CHUNK, CLAIM, RECORD = 100000, 500, 256, 64
TOKEN = "'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa'"
variant, directory = sys.argv[1], sys.argv[2]
out = []
w = out.append
w(f"\\o {directory}/pid.txt\nSELECT pg_backend_pid();\n\\o\nSET synchronous_commit = off;\n")
w(f"\\! cat /proc/$(cat {directory}/pid.txt | head -1)/stat > {directory}/start-{variant}.txt\n")
w("SELECT pg_current_wal_insert_lsn() AS lsn0 \\gset\n")
held = f"held AS (UPDATE broadcast_chunks SET claimed_until = now() + interval '1 minute' WHERE broadcast_id = 1 AND chunk_no = {{c}} AND claim_token = {TOKEN} RETURNING chunk_no)"


def claim(c):
    h = held.format(c=c)
    if variant == "before":
        w(f"WITH {h} UPDATE deliveries d SET status = 'sending', attempts = d.attempts + 1, updated_at = now() "
          f"WHERE d.broadcast_id = 1 AND d.status = 'queued' AND EXISTS (SELECT 1 FROM held) AND d.contact_id IN "
          f"(SELECT contact_id FROM deliveries WHERE broadcast_id = 1 AND chunk_no = {c} AND status = 'queued' "
          f"AND (not_before IS NULL OR not_before <= now()) LIMIT {CLAIM}) RETURNING d.contact_id, d.channel, d.attempts \\g /dev/null\n")
    else:
        w(f"WITH {h}, picked AS (SELECT d.contact_id, d.channel, d.attempts FROM deliveries d "
          f"WHERE d.broadcast_id = 1 AND d.chunk_no = {c} AND d.status = 'queued' AND (d.not_before IS NULL OR d.not_before <= now()) "
          f"AND d.contact_id NOT IN (SELECT unnest(k.contact_ids) FROM delivery_claims k WHERE k.broadcast_id = 1 AND k.chunk_no = {c}) "
          f"AND EXISTS (SELECT 1 FROM held) LIMIT {CLAIM}), "
          f"batch AS (INSERT INTO delivery_claims (broadcast_id, chunk_no, claim_token, contact_ids, claimed_at) "
          f"SELECT 1, {c}, {TOKEN}, array_agg(contact_id), now() FROM picked HAVING count(*) > 0) "
          f"SELECT contact_id, channel, attempts + 1 FROM picked \\g /dev/null\n")


def record(c, ids):
    values = (f"unnest(ARRAY[{','.join(map(str, ids))}]::bigint[], array_fill('sent'::text, ARRAY[{len(ids)}]), "
              f"ARRAY[{','.join(f'{chr(39)}m{i}{chr(39)}' for i in ids)}]::text[]) AS r(contact_id, status, pid)")
    if variant == "before":
        w(f"UPDATE deliveries d SET status = r.status, platform_message_id = r.pid, sent_at = now(), updated_at = now() FROM {values} "
          f"WHERE d.broadcast_id = 1 AND d.contact_id = r.contact_id AND d.status = 'sending';\n")
        return
    leave = "" if variant == "kept" else (
        f", requeued AS (UPDATE delivery_claims k SET contact_ids = ARRAY(SELECT x FROM unnest(k.contact_ids) AS x WHERE x <> ALL('{{}}'::bigint[])) "
        f"WHERE k.broadcast_id = 1 AND k.chunk_no = {c} AND k.claim_token = {TOKEN} AND k.contact_ids && '{{}}'::bigint[])")
    w(f"WITH recorded AS (UPDATE deliveries d SET status = r.status, platform_message_id = r.pid, sent_at = now(), updated_at = now(), "
      f"attempts = d.attempts + 1 FROM {values} WHERE d.broadcast_id = 1 AND d.contact_id = r.contact_id AND d.chunk_no = {c} "
      f"AND d.status = 'queued' AND EXISTS (SELECT 1 FROM broadcast_chunks ch WHERE ch.broadcast_id = 1 AND ch.chunk_no = {c} "
      f"AND ch.claim_token = {TOKEN}) RETURNING 1){leave} SELECT count(*) FROM recorded \\g /dev/null\n")


def finish(c):
    if variant == "batch":
        w(f"WITH batches AS (DELETE FROM delivery_claims WHERE broadcast_id = 1 AND chunk_no = {c} AND claim_token = {TOKEN} RETURNING contact_ids) "
          f"UPDATE deliveries SET status = 'unknown', attempts = attempts + 1, updated_at = now() WHERE broadcast_id = 1 AND chunk_no = {c} "
          f"AND status = 'queued' AND contact_id IN (SELECT unnest(contact_ids) FROM batches);\n")
    elif variant == "kept":
        w(f"DELETE FROM delivery_claims WHERE broadcast_id = 1 AND chunk_no = {c} AND claim_token = {TOKEN};\n")


for c in range(N // CHUNK):
    ids = list(range(c * CHUNK + 1, (c + 1) * CHUNK + 1))
    first, second = ids[:CLAIM], ids[CLAIM:]
    # As the pipeline runs: the first claim, half its outcomes, the next claim, the rest of the outcomes, the finish.
    claim(c)
    for at in range(0, CLAIM // 2, RECORD):
        record(c, first[at:at + RECORD])
    claim(c)
    rest = first[CLAIM // 2:] + second
    for at in range(0, len(rest), RECORD):
        record(c, rest[at:at + RECORD])
    finish(c)
w(f"\\! cat /proc/$(cat {directory}/pid.txt | head -1)/stat > {directory}/end-{variant}.txt\n")
w("SELECT pg_current_wal_insert_lsn() - :'lsn0'::pg_lsn;\n")
open(f"{directory}/{variant}.sql", "w").write("".join(out))

-- The turn runner never takes an event while an earlier one of the same member is pending; under a backlog that check
-- runs for every candidate, so it gets its own index (pending events by member, in id order).
CREATE INDEX inbox_events_pending_member_idx ON inbox_events (channel, account_id, sender_id, id) WHERE status = 'pending';

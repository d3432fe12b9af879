-- The staff's conversation page reads one member's recent messages both ways, and a crisis alert links to the member's
-- latest handoff: without these, each is a scan of the whole table.

CREATE INDEX inbox_events_member_idx ON inbox_events (channel, account_id, sender_id, id);
CREATE INDEX outbound_messages_recipient_idx ON outbound_messages (channel, account_id, recipient_id, id);
CREATE INDEX handoffs_contact_idx ON handoffs (contact_id, id);

-- A staff member's own words inside the platform's ordinary window: sent as an ordinary response (no HUMAN_AGENT tag), still
-- shown as hers in the conversation.
ALTER TABLE outbound_messages DROP CONSTRAINT IF EXISTS outbound_messages_purpose_check;
ALTER TABLE outbound_messages ADD CONSTRAINT outbound_messages_purpose_check
    CHECK (purpose IN ('reply', 'human_agent_reply', 'broadcast', 'staff_reply'));

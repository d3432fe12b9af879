-- A staff member answering in Meta Business Suite (Page Inbox) or Zalo OA Chat, or another app taking the thread, is a
-- handoff too: reason 'platform', held by 'platform', the bot silent until the thread comes back or quiet_until passes
-- (each further human message moves it on). Console handoffs keep quiet_until NULL: silent until released.
ALTER TABLE handoffs DROP CONSTRAINT IF EXISTS handoffs_reason_check;
ALTER TABLE handoffs ADD CONSTRAINT handoffs_reason_check CHECK (reason IN ('member', 'crisis', 'platform'));
ALTER TABLE handoffs ADD COLUMN quiet_until timestamptz;

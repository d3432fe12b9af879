-- Hotline news is no longer unmutable: a member can stop everything (her phone may be read by the person she fears).
-- is_mutable keeps its name; it now means "opt-in" (true) or "on by default until she opts out" (false).
COMMENT ON COLUMN topics.is_mutable IS
    'true: opt-in (a member gets the topic once subscribed); false: on by default (hotline news), until she opts out';

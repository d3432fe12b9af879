-- What members asked and what the bot made of it (issue 14, items 2 and 3), written in the turn's transaction.
--
-- member_questions: one row per typed question the answer engine decided (small talk is not a question). `missed` says why it
-- is in the "Câu hỏi chưa trả lời được" queue (NULL: answered): the fallback, a low-confidence answer, suggestions she did not
-- take (cleared when she taps one), or "không đúng" right after the answer. A crisis message is recorded WITHOUT its text
-- (outcome 'crisis', text and wording NULL): staff see it only as a count. `wording` is the grouping key (folded, normalised).
-- Erasing a member and the retention purge remove `text` and `wording`; the row stays for the weekly answer rate.
CREATE TABLE member_questions (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id     bigint NOT NULL REFERENCES contacts (id),
    inbox_event_id bigint,
    asked_at       timestamptz NOT NULL,
    text           text,
    wording        text,
    outcome        text NOT NULL CHECK (outcome IN ('answer', 'suggestions', 'fallback', 'crisis')),
    entry_id       text,
    confidence     real NOT NULL DEFAULT 0,
    suggested      text[] NOT NULL DEFAULT '{}',
    missed         text CHECK (missed IN ('fallback', 'low_confidence', 'suggestions', 'wrong')),
    status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'out_of_scope', 'handed_off', 'variant', 'entry')),
    handled_by     bigint REFERENCES staff_users (id),
    handled_at     timestamptz,
    handled_entry  text,
    purged_at      timestamptz,
    CHECK (outcome <> 'crisis' OR (text IS NULL AND wording IS NULL))
);

-- The queue (open misses, newest first), a member's latest question, the weekly rate, the purge.
CREATE INDEX member_questions_queue_idx ON member_questions (wording, asked_at DESC) WHERE missed IS NOT NULL AND status = 'open';
CREATE INDEX member_questions_contact_idx ON member_questions (contact_id, asked_at DESC);
CREATE INDEX member_questions_asked_idx ON member_questions (asked_at);

-- bot_answers: every entry the bot answered with (typed or tapped) and her "Hữu ích" / "Chưa đúng" on it, counted per entry.
-- `choices` are the payloads offered in order (a typed "2" on Zalo, where choices are numbered lines, picks the second).
CREATE TABLE bot_answers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id  bigint NOT NULL REFERENCES contacts (id),
    question_id bigint REFERENCES member_questions (id),
    -- Her latest question when the answer was given: a question after it means she has moved on (no feedback by words then).
    last_question_id bigint,
    entry_id    text NOT NULL,
    choices     text[] NOT NULL DEFAULT '{}',
    answered_at timestamptz NOT NULL,
    feedback    text CHECK (feedback IN ('useful', 'wrong')),
    feedback_at timestamptz
);

CREATE INDEX bot_answers_contact_idx ON bot_answers (contact_id, answered_at DESC);
CREATE INDEX bot_answers_feedback_idx ON bot_answers (entry_id) WHERE feedback IS NOT NULL;

-- Staff hand a member whose question went unanswered to a person.
ALTER TABLE handoffs DROP CONSTRAINT IF EXISTS handoffs_reason_check;
ALTER TABLE handoffs ADD CONSTRAINT handoffs_reason_check CHECK (reason IN ('member', 'crisis', 'platform', 'unanswered'));

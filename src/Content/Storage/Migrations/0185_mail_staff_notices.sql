-- Issue 18.3: staff are told outside the console by e-mail where the server can send it (Outreach:Mail). Each staff member
-- sets her own address on "Thông báo"; only what happened after she set it is mailed (notify_email_since). staff_notice_mail
-- remembers what each was mailed, so a notice is mailed once (a post submitted again after a return is a new notice: its
-- time is part of the key). A failed send is kept on the account (shown to her on "Thông báo") and retried later.
ALTER TABLE staff_users
    ADD COLUMN notify_email text CHECK (length(notify_email) BETWEEN 3 AND 254),
    ADD COLUMN notify_email_since timestamptz,
    ADD COLUMN notify_email_error text,
    ADD COLUMN notify_email_error_at timestamptz;

CREATE TABLE staff_notice_mail (
    staff_user_id bigint NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    kind          text NOT NULL CHECK (kind IN ('alert', 'handoff', 'awaiting', 'returned')),
    item_id       bigint NOT NULL,
    item_at       timestamptz NOT NULL,
    mailed_at     timestamptz NOT NULL,
    PRIMARY KEY (staff_user_id, kind, item_id, item_at)
);

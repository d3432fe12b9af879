-- An account's health takes the same states as its channel's (0155 added quota_or_billing for Zalo -211/-320/-321):
-- an OA out of quota or money is shown on its own account too.
ALTER TABLE channel_accounts DROP CONSTRAINT channel_accounts_health_state_check;
ALTER TABLE channel_accounts ADD CONSTRAINT channel_accounts_health_state_check
    CHECK (health_state IN ('unknown', 'ok', 'token_refused', 'unreachable', 'quota_or_billing'));

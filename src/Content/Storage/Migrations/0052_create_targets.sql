-- Targets (chỉ tiêu): indicators, the target each unit has for a period, and the results staff enter for indicators that
-- our data cannot count (women trained…). An indicator's result for a unit covers the unit and everything below it.
-- source: 'reach' (counted from reach roll-ups: reach_kind, measure people|events, optional topic), 'posts' (posts of the
-- unit's subtree that went out in the period, optional topic), 'manual' (the sum of entered results in the subtree).
-- percent_decimals: how the union's reports write the ratio: 0 → "279%", 2 → "55,57%" (see Targets/ProgressText.cs).

CREATE TABLE indicators (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code             text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9_]{2,64}$'),
    name_vi          text NOT NULL CHECK (length(btrim(name_vi)) BETWEEN 1 AND 200),
    unit_vi          text NOT NULL CHECK (length(btrim(unit_vi)) BETWEEN 1 AND 40),
    source           text NOT NULL CHECK (source IN ('reach', 'posts', 'manual')),
    reach_kind       text CHECK (reach_kind IN ('sent', 'delivered', 'read', 'clicked', 'replied', 'unsubscribed')),
    measure          text CHECK (measure IN ('people', 'events')),
    topic            text REFERENCES topics (code),
    percent_decimals smallint NOT NULL DEFAULT 0 CHECK (percent_decimals IN (0, 2)),
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((source = 'reach') = (reach_kind IS NOT NULL AND measure IS NOT NULL)),
    CHECK (source <> 'manual' OR topic IS NULL)
);

INSERT INTO indicators (code, name_vi, unit_vi, source, reach_kind, measure, topic, percent_decimals) VALUES
    ('members_reached', 'Hội viên, phụ nữ được tuyên truyền qua Zalo, Messenger', 'người', 'reach', 'delivered', 'people', NULL, 0),
    ('violence_reached', 'Hội viên, phụ nữ được tuyên truyền về phòng, chống bạo lực gia đình', 'người', 'reach', 'delivered', 'people', 'violence', 0),
    ('health_reached', 'Hội viên, phụ nữ được tuyên truyền về sức khỏe, khám sàng lọc', 'người', 'reach', 'delivered', 'people', 'health', 0),
    ('posts_shared', 'Tin, bài tuyên truyền được chia sẻ trên Zalo, Messenger', 'tin, bài', 'posts', NULL, NULL, NULL, 0),
    ('women_trained', 'Phụ nữ được tập huấn, bồi dưỡng kiến thức, kỹ năng', 'người', 'manual', NULL, NULL, NULL, 0);

CREATE TABLE targets (
    indicator_id bigint NOT NULL REFERENCES indicators (id),
    org_unit_id  bigint NOT NULL REFERENCES org_units (id),
    period_id    bigint NOT NULL REFERENCES report_periods (id),
    target_value numeric(18, 2) NOT NULL CHECK (target_value > 0),
    note         text,
    set_by       bigint NOT NULL REFERENCES staff_users (id),
    set_at       timestamptz NOT NULL,
    PRIMARY KEY (org_unit_id, period_id, indicator_id)
);

CREATE TABLE indicator_results (
    indicator_id bigint NOT NULL REFERENCES indicators (id),
    org_unit_id  bigint NOT NULL REFERENCES org_units (id),
    period_id    bigint NOT NULL REFERENCES report_periods (id),
    value        numeric(18, 2) NOT NULL CHECK (value >= 0),
    note         text,
    entered_by   bigint NOT NULL REFERENCES staff_users (id),
    entered_at   timestamptz NOT NULL,
    PRIMARY KEY (indicator_id, period_id, org_unit_id)
);

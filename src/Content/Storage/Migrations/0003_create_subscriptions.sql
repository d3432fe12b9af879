-- Topics a member can subscribe to. Hotline content is not mutable: an opt-out never silences it.

CREATE TABLE topics (
    code       text PRIMARY KEY,
    name_vi    text NOT NULL,
    is_mutable boolean NOT NULL DEFAULT true
);

INSERT INTO topics (code, name_vi, is_mutable) VALUES
    ('hotline', 'Đường dây nóng, hỗ trợ khẩn cấp', false),
    ('policy', 'Chính sách, đề án hỗ trợ phụ nữ', true),
    ('loan', 'Vay vốn, khởi nghiệp', true),
    ('health', 'Sức khỏe, khám sàng lọc', true),
    ('violence', 'Phòng, chống bạo lực gia đình', true),
    ('union', 'Hoạt động Hội', true);

CREATE TABLE subscriptions (
    contact_id   bigint NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    topic        text NOT NULL REFERENCES topics (code),
    opted_in_at  timestamptz,
    opted_out_at timestamptz,
    source       text,
    is_active    boolean GENERATED ALWAYS AS (opted_in_at IS NOT NULL AND (opted_out_at IS NULL OR opted_out_at < opted_in_at)) STORED,
    PRIMARY KEY (contact_id, topic)
);

CREATE INDEX subscriptions_active_topic_idx ON subscriptions (topic, contact_id) WHERE is_active;

-- Issue 16, slice 3: an indicator may count the views that the platforms report for the unit's posts published on a Page
-- feed or as a Zalo article (source 'platform_views': Facebook's post_media_view plus Zalo's total_view, latest values, for
-- the posts of the unit's subtree published in the period, optional topic). Seeded with one such indicator; a unit has a
-- target for it only when someone sets one.
ALTER TABLE indicators DROP CONSTRAINT indicators_source_check;
ALTER TABLE indicators ADD CONSTRAINT indicators_source_check CHECK (source IN ('reach', 'posts', 'manual', 'members', 'platform_views'));

INSERT INTO indicators (code, name_vi, unit_vi, source, percent_decimals) VALUES
    ('platform_views', 'Lượt xem tin, bài trên Trang Facebook và Zalo OA của Hội', 'lượt xem', 'platform_views', 0);

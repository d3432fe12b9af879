-- Issue 18.7: reports for a quarter ("2026-Q1", "Quý I/2026"), a half-year ("2026-H1", "6 tháng đầu năm 2026") and a range of
-- days ("2026-03-01_2026-05-31", "Từ 01/03/2026 đến 31/05/2026") beside years and terms. Like years they are created when
-- first asked for (Stats/ReportPeriodCodes.cs) and back-filled by the next roll-up.
ALTER TABLE report_periods DROP CONSTRAINT report_periods_kind_check;
ALTER TABLE report_periods ADD CONSTRAINT report_periods_kind_check
    CHECK (kind IN ('year', 'term', 'custom', 'quarter', 'half', 'range'));

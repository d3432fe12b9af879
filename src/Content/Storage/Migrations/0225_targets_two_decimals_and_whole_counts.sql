-- QA review of a fresh install: progress against a target is written with two decimals, cut rather than rounded, as the
-- union's reports write "55,57%" (181.620/326.797), "147,69%" and "88,61%" (Targets/ProgressText.cs), in the dashboard, the
-- CSV and the .xlsx (0.5557 shown with 0.00%). Every indicator seeded so far counts whole things (people, posts, views), so a
-- target or a result of "12,5 người" is refused: counts_whole says an indicator takes whole numbers only.
UPDATE indicators SET percent_decimals = 2;
ALTER TABLE indicators ALTER COLUMN percent_decimals SET DEFAULT 2;
ALTER TABLE indicators ADD COLUMN counts_whole boolean NOT NULL DEFAULT true;

-- Every range of days a staff member asks for becomes a period the roll-up keeps counting unique people for, for ever: a
-- hundred ranges over one year multiplied each event's work in every roll-up by up to two hundred. A range now remembers the
-- day it was last asked for, and the nightly retention job forgets those not asked for in Outreach:Retention:RangePeriodDays
-- (with their people counts); asked for again, a range is made again and back-filled by the next roll-up, so nothing is lost.
ALTER TABLE report_periods ADD COLUMN last_used_on date;
UPDATE report_periods SET last_used_on = (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date WHERE kind = 'range';

-- Version 9 (issue 14): the rule a member's loan splits payments beyond what is due by, and its
-- early settlement. NULL, for every loan recorded before this version, is the old rule
-- (SCHEDULE_AHEAD: what is left pays the coming instalments as scheduled, interest included), so
-- the payments recorded on those loans keep splitting as their journal entries did. Loans paid
-- out from this version on are written TIME_USED: interest for the time used only
-- (docs/loans.md). Self-contained: two nullable columns, nothing else touched.
ALTER TABLE member_loan ADD COLUMN payment_rule VARCHAR(16);
-- A loan's fixed instalment (shg loan disburse --instalment): every repaying instalment but the
-- last pays it, and the number of instalments follows from it. NULL for none, and for every loan
-- recorded before this version.
ALTER TABLE member_loan ADD COLUMN instalment_amount_minor BIGINT;

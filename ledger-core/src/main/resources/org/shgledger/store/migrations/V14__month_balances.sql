-- Version 14: month-end balances (issue 19, goal 1). Each account's own postings summed per
-- calendar month: debits and credits in minor units, as integers. A member's sub-ledger (1200:M01)
-- is an account of its own, so it has its own rows. Derived data: written by the same code, in the
-- same transaction, as the postings it sums (EntryWriter), never part of any hash chain, and
-- checked against the postings by verify. Reports read a balance as of a day as the rows of the
-- months before the day's month plus the postings of that month up to the day.
-- month_yyyymm is the year times 100 plus the month (202504 for April 2025): it sorts as the
-- months do, and reads as a month in any SQL shell. The migration fills it for existing books
-- (MonthBalances.backfill, in the migration's transaction). Portable SQL for SQLite and PostgreSQL.
CREATE TABLE account_month_balance (
  book_id VARCHAR(32) NOT NULL,
  account_code VARCHAR(48) NOT NULL,
  month_yyyymm BIGINT NOT NULL,
  debit_minor BIGINT NOT NULL,
  credit_minor BIGINT NOT NULL,
  PRIMARY KEY (book_id, account_code, month_yyyymm),
  FOREIGN KEY (book_id, account_code) REFERENCES account (book_id, account_code)
);

-- Version 18: the group statement's figures per month (issue 19, goal 1). For each book, month and
-- category (the account an entry's posting counts under in the statement: a top-level account, or
-- 2100 for a share-out's own funds), the receipts and payments of the cash book and the net income
-- (credits less debits of income and expense postings outside year-end closings and share-outs),
-- in minor units, reversals folded to their original's side: the rule of
-- org.shgledger.report.spi.StatementFigures. A statement of whole months then reads these rows and
-- no entries; a month it covers in part adds or takes away the entries of the days at its edge.
-- Derived data, like account_month_balance: written by EntryWriter in the entries' transaction,
-- filled for existing books by the migration's Java step (StatementMonthRows.backfill), checked
-- by verify, under no hash chain. month_yyyymm as in account_month_balance. category_code has no
-- foreign key: 2100 need not be an account of the book for a share-out's row to be kept (the
-- report names the account when it prints the line).
CREATE TABLE statement_month (
  book_id VARCHAR(32) NOT NULL,
  month_yyyymm BIGINT NOT NULL,
  category_code VARCHAR(48) NOT NULL,
  receipts_minor BIGINT NOT NULL,
  payments_minor BIGINT NOT NULL,
  net_income_minor BIGINT NOT NULL,
  PRIMARY KEY (book_id, month_yyyymm, category_code),
  FOREIGN KEY (book_id) REFERENCES book (book_id)
);

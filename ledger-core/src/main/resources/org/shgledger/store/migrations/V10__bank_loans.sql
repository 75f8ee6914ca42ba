-- Version 10 (issue 14): the terms of a loan a bank gave the group, kept beside the journal entry
-- that received it (shg bank-loan receive --annual-rate --instalments --method), so that a
-- passbook EMI line the bank debits as one amount is split into interest and principal
-- (docs/engine.md). One row per receipt, never updated; the registry chain covers it
-- (RegistryChain.Table.BANK_LOAN). A new table only: books of earlier versions have no rows and
-- keep working as before. Portable SQL for SQLite and PostgreSQL.
CREATE TABLE bank_loan (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  receipt_entry_id VARCHAR(80) NOT NULL,
  received_epoch_day BIGINT NOT NULL,
  principal_minor BIGINT NOT NULL CHECK (principal_minor > 0),
  currency CHAR(3) NOT NULL,
  -- percent a year as decimal text (12.5), read back exactly: never a floating-point column
  annual_rate_percent VARCHAR(24) NOT NULL,
  instalment_count INTEGER NOT NULL CHECK (instalment_count > 0),
  method VARCHAR(16) NOT NULL,
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, receipt_entry_id)
);

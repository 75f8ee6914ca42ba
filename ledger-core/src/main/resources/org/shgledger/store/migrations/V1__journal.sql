-- Version 1: the journal. Portable SQL for SQLite and PostgreSQL (see docs/store.md).
-- Every table is keyed by book first, so that one group's rows are one partition.
-- Amounts are integer minor units (paise) with their currency; dates are epoch days
-- (days since 1970-01-01), which sort, compare and index the same on both databases and
-- hold every java.time.LocalDate. Append-only: the code only ever INSERTs into these tables.

CREATE TABLE book (
  book_id VARCHAR(32) NOT NULL PRIMARY KEY,
  name VARCHAR(120) NOT NULL,
  currency CHAR(3) NOT NULL
);

CREATE TABLE account (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  account_code VARCHAR(48) NOT NULL,
  name VARCHAR(120) NOT NULL,
  account_type VARCHAR(16) NOT NULL,
  currency CHAR(3) NOT NULL,
  control_code VARCHAR(48),
  balance_constraint VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, account_code),
  FOREIGN KEY (book_id, control_code) REFERENCES account (book_id, account_code)
);

CREATE INDEX account_by_control ON account (book_id, control_code);

-- Closing is one-way (a closed account is never reopened), so it is an event row, not a flag.
CREATE TABLE account_closure (
  book_id VARCHAR(32) NOT NULL,
  account_code VARCHAR(48) NOT NULL,
  closed_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, account_code),
  FOREIGN KEY (book_id, account_code) REFERENCES account (book_id, account_code)
);

-- A lock date only moves forward, so the current one is the latest row's.
CREATE TABLE book_lock (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  lock_seq BIGINT NOT NULL,
  lock_date_epoch_day BIGINT NOT NULL,
  locked_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, lock_seq)
);

-- entry_seq numbers a book's entries 1, 2, 3... in recording order; entry_hash chains them.
CREATE TABLE journal_entry (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  entry_seq BIGINT NOT NULL,
  entry_id VARCHAR(80) NOT NULL,
  entry_date_epoch_day BIGINT NOT NULL,
  memo VARCHAR(500) NOT NULL,
  reverses_entry_id VARCHAR(80),
  source_reference VARCHAR(200),
  recorded_at VARCHAR(40) NOT NULL,
  previous_hash CHAR(64) NOT NULL,
  entry_hash CHAR(64) NOT NULL,
  PRIMARY KEY (book_id, entry_seq),
  UNIQUE (book_id, entry_id),
  -- nothing is reversed twice, enforced by the database as well as by the rules
  UNIQUE (book_id, reverses_entry_id)
);

CREATE TABLE posting (
  book_id VARCHAR(32) NOT NULL,
  entry_seq BIGINT NOT NULL,
  line_no INTEGER NOT NULL,
  account_code VARCHAR(48) NOT NULL,
  side CHAR(1) NOT NULL CHECK (side IN ('D', 'C')),
  amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
  currency CHAR(3) NOT NULL,
  -- the entry's date, repeated so that balances need no join; verify checks it matches
  entry_date_epoch_day BIGINT NOT NULL,
  PRIMARY KEY (book_id, entry_seq, line_no),
  FOREIGN KEY (book_id, entry_seq) REFERENCES journal_entry (book_id, entry_seq),
  FOREIGN KEY (book_id, account_code) REFERENCES account (book_id, account_code)
);

-- Balances as of a date and the running balances the limit checks read: one range scan of
-- this index per account, never a table lookup (side and amount are in the index).
CREATE INDEX posting_by_account_date
  ON posting (book_id, account_code, entry_date_epoch_day, side, amount_minor);

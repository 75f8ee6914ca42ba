-- Version 7: the registry chain (docs/store.md). The rows outside the journal whose values change
-- money -- the book, its accounts and their limits, closures, lock dates, the group's rules,
-- members and their dates, office bearers, meetings and attendance, loans and their events -- are
-- each recorded, in the transaction that inserts them, by one registry event: the table, the
-- row's key and a SHA-256 over the previous event's hash and every value of the row. shg verify
-- recomputes the chain and each row's hash, so that a row changed, removed or added behind the
-- library's back is named. The migration's Java step (RegistryChain.migrate) chains the rows
-- already in the book. Portable SQL for SQLite and PostgreSQL.

CREATE TABLE registry_event (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  event_seq BIGINT NOT NULL,
  table_name VARCHAR(32) NOT NULL,
  -- the row's key columns other than book_id, as 'loan_id=L1, version=2'
  row_key VARCHAR(300) NOT NULL,
  recorded_at VARCHAR(40) NOT NULL,
  previous_hash CHAR(64) NOT NULL,
  event_hash CHAR(64) NOT NULL,
  PRIMARY KEY (book_id, event_seq),
  -- a row is recorded once
  UNIQUE (book_id, table_name, row_key)
);

-- Version 2: the savings-group engine's registry (groups, members, office bearers, meetings,
-- loans and their events), in the same database as the group's book. Portable SQL for SQLite
-- and PostgreSQL, conventions as in V1: keyed by book first; amounts in integer minor units with
-- their currency; dates as epoch days; rates as plain decimal text ('2', '1.5'), never floating
-- point; enumerations by their Java names.
--
-- Append-only: the code only ever INSERTs. Terms, attendance and loan events are facts added
-- one by one. A group, member, meeting or loan the engine replaces gets a new version row whose
-- number is one more than the last; the highest version is the current record, and the earlier
-- ones are its history (when a member's bank account changed, when she left).

CREATE TABLE savings_group (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  version INTEGER NOT NULL CHECK (version > 0),
  name VARCHAR(120) NOT NULL,
  currency CHAR(3) NOT NULL,
  formed_epoch_day BIGINT NOT NULL,
  meeting_frequency VARCHAR(16) NOT NULL,
  compulsory_savings_minor BIGINT NOT NULL,
  rounding_unit VARCHAR(8) NOT NULL,
  rounding_mode VARCHAR(16) NOT NULL,
  financial_year_start_month INTEGER NOT NULL CHECK (financial_year_start_month BETWEEN 1 AND 12),
  -- the group's usual loan terms (LoanDefaults); loan_method is NULL for open loans
  loan_rate_percent VARCHAR(24) NOT NULL,
  loan_rate_per VARCHAR(8) NOT NULL,
  loan_method VARCHAR(16),
  loan_instalments INTEGER NOT NULL,
  loan_frequency VARCHAR(16) NOT NULL,
  -- the parts a payment pays first, second and last, as FINES,INTEREST,PRINCIPAL
  loan_allocation_order VARCHAR(40) NOT NULL,
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, version)
);

CREATE TABLE group_member (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  member_id VARCHAR(16) NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  name VARCHAR(80) NOT NULL,
  category VARCHAR(20) NOT NULL,
  joined_epoch_day BIGINT NOT NULL,
  -- NULL while she is a member
  exited_epoch_day BIGINT,
  -- her own bank account, all four NULL when none is on record
  bank_name VARCHAR(80),
  bank_ifsc CHAR(11),
  bank_account_masked VARCHAR(34),
  bank_account_opened_epoch_day BIGINT,
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, member_id, version),
  CHECK ((bank_name IS NULL AND bank_ifsc IS NULL AND bank_account_masked IS NULL
          AND bank_account_opened_epoch_day IS NULL)
      OR (bank_name IS NOT NULL AND bank_ifsc IS NOT NULL AND bank_account_masked IS NOT NULL
          AND bank_account_opened_epoch_day IS NOT NULL)),
  -- never more than the last 4 digits of an account number, whatever writes the row
  CHECK (LENGTH(REPLACE(bank_account_masked, 'X', '')) <= 4)
);

-- Office-bearer terms in recording order; every term is kept.
CREATE TABLE bearer_term (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  term_seq BIGINT NOT NULL,
  role VARCHAR(16) NOT NULL,
  member_id VARCHAR(16) NOT NULL,
  from_epoch_day BIGINT NOT NULL,
  to_epoch_day BIGINT NOT NULL,
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, term_seq),
  CHECK (to_epoch_day >= from_epoch_day)
);

CREATE TABLE meeting (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  meeting_epoch_day BIGINT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, meeting_epoch_day, version)
);

-- The roll of one version of a meeting: one row per member who answered it.
CREATE TABLE meeting_attendance (
  book_id VARCHAR(32) NOT NULL,
  meeting_epoch_day BIGINT NOT NULL,
  version INTEGER NOT NULL,
  member_id VARCHAR(16) NOT NULL,
  attendance VARCHAR(8) NOT NULL,
  PRIMARY KEY (book_id, meeting_epoch_day, version, member_id),
  FOREIGN KEY (book_id, meeting_epoch_day, version)
    REFERENCES meeting (book_id, meeting_epoch_day, version)
);

-- A loan to a member and its terms, one column per term. terms_kind SCHEDULED (LoanTerms) fills
-- every column; OPEN (OpenLoanTerms) leaves the schedule's columns NULL.
CREATE TABLE member_loan (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  loan_id VARCHAR(24) NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  member_id VARCHAR(16) NOT NULL,
  channel VARCHAR(8) NOT NULL,
  disbursement_entry_id VARCHAR(80) NOT NULL,
  -- the group's allocation order on the day the loan was paid out, kept with the loan
  allocation_order VARCHAR(40) NOT NULL,
  terms_kind VARCHAR(10) NOT NULL CHECK (terms_kind IN ('SCHEDULED', 'OPEN')),
  principal_minor BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  rate_percent VARCHAR(24) NOT NULL,
  rate_per VARCHAR(8) NOT NULL,
  disbursement_epoch_day BIGINT NOT NULL,
  interest_rounding_unit VARCHAR(8) NOT NULL,
  interest_rounding_mode VARCHAR(16) NOT NULL,
  method VARCHAR(16),
  instalment_count INTEGER,
  frequency VARCHAR(16),
  first_due_epoch_day BIGINT,
  interest_only_instalments INTEGER,
  instalment_multiple_minor BIGINT,
  instalment_rounding_mode VARCHAR(16),
  interest_basis VARCHAR(16),
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, loan_id, version),
  CHECK ((terms_kind = 'OPEN' AND method IS NULL AND instalment_count IS NULL
          AND frequency IS NULL AND first_due_epoch_day IS NULL
          AND interest_only_instalments IS NULL AND instalment_multiple_minor IS NULL
          AND instalment_rounding_mode IS NULL AND interest_basis IS NULL)
      OR (terms_kind = 'SCHEDULED' AND method IS NOT NULL AND instalment_count IS NOT NULL
          AND frequency IS NOT NULL AND first_due_epoch_day IS NOT NULL
          AND interest_only_instalments IS NOT NULL AND instalment_multiple_minor IS NOT NULL
          AND instalment_rounding_mode IS NOT NULL AND interest_basis IS NOT NULL))
);

-- A loan's penalties and payments in recording order. A payment's event_id is its journal
-- entry's id; a penalty's is its own (penalties are not money until paid).
CREATE TABLE loan_event (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  loan_id VARCHAR(24) NOT NULL,
  event_seq BIGINT NOT NULL,
  kind VARCHAR(8) NOT NULL CHECK (kind IN ('PENALTY', 'PAYMENT')),
  event_id VARCHAR(80) NOT NULL,
  event_epoch_day BIGINT NOT NULL,
  amount_minor BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, loan_id, event_seq)
);

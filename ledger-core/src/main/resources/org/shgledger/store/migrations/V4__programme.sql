-- Version 3: the NGO programme's registers, kept beside a group's books (org.shgledger.programme):
-- members' children and their school status over time, training sessions and who attended, what
-- each loan was for; and the secret that keys members' pseudonyms in exports. Conventions as in
-- V1 and V2: keyed by book first; dates as epoch days; enumerations by their Java names.
--
-- Only what the indicators need is kept (docs/privacy.md): a child has an opaque key, her
-- mother's member id and a birth year, never a name or a date of birth.
--
-- Append-only: the code only ever INSERTs. A child's status changes and a training's attendees
-- are facts added one by one; a loan's purpose put again is a new version row, the highest
-- version being the current purpose.

CREATE TABLE programme_child (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  child_key VARCHAR(24) NOT NULL,
  member_id VARCHAR(16) NOT NULL,
  birth_year INTEGER NOT NULL CHECK (birth_year BETWEEN 1900 AND 9999),
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, child_key)
);

-- A child's school status changes in recording order; the status on a day is the latest change
-- dated on or before it, of two on one day the one recorded later.
CREATE TABLE programme_child_status (
  book_id VARCHAR(32) NOT NULL,
  child_key VARCHAR(24) NOT NULL,
  status_seq BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL
    CHECK (status IN ('NOT_ENROLLED', 'ENROLLED', 'BRIDGE_COURSE', 'DROPPED_OUT')),
  status_epoch_day BIGINT NOT NULL,
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, child_key, status_seq),
  FOREIGN KEY (book_id, child_key) REFERENCES programme_child (book_id, child_key)
);

CREATE TABLE programme_training (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  training_id VARCHAR(64) NOT NULL,
  topic VARCHAR(40) NOT NULL,
  training_epoch_day BIGINT NOT NULL,
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, training_id)
);

CREATE TABLE programme_training_attendee (
  book_id VARCHAR(32) NOT NULL,
  training_id VARCHAR(64) NOT NULL,
  member_id VARCHAR(16) NOT NULL,
  PRIMARY KEY (book_id, training_id, member_id),
  FOREIGN KEY (book_id, training_id) REFERENCES programme_training (book_id, training_id)
);

CREATE TABLE programme_loan_purpose (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  loan_id VARCHAR(24) NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  purpose VARCHAR(16) NOT NULL
    CHECK (purpose IN ('LIVELIHOOD', 'EDUCATION', 'HEALTH', 'CONSUMPTION', 'OTHER')),
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, loan_id, version)
);

-- One row at most: the database's pseudonym secret, 32 random bytes as 64 hexadecimal digits,
-- made on first use. It is as secret as the books themselves, which hold the names it hides.
CREATE TABLE pseudonym_secret (
  secret_id INTEGER NOT NULL PRIMARY KEY CHECK (secret_id = 1),
  secret_hex CHAR(64) NOT NULL,
  created_at VARCHAR(40) NOT NULL
);

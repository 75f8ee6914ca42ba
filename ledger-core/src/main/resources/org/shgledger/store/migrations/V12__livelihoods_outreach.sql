-- Version 12 (issue 18): members' income-generating activities (org.shgledger.programme.Livelihoods)
-- and units' outreach and advocacy events (org.shgledger.programme.Outreach). Counts and amounts:
-- an activity names its member by id, as the books do; an event counts the people it reached and
-- names no one. No free text anywhere. Conventions as in V4 and V11: dates as epoch days,
-- enumerations by their Java names, amounts in minor units with their currency.
--
-- Inserted only, never updated or deleted. An activity and its readings are in the registry chain
-- (RegistryChain.Table.LIVELIHOOD, LIVELIHOOD_READING; docs/store.md): the readings are the
-- programme's figures of income, which a donor is shown. Outreach events belong to a unit, not a
-- book, and the chain is a book's, so they are outside it, as the units are.

CREATE TABLE programme_livelihood (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  livelihood_id VARCHAR(32) NOT NULL,
  member_id VARCHAR(32) NOT NULL,
  activity VARCHAR(16) NOT NULL
    CHECK (activity IN ('TAILORING', 'SMALL_SHOP', 'LIVESTOCK', 'VENDING', 'WAGE_WORK', 'AGRICULTURE',
      'HANDICRAFT', 'OTHER')),
  started_epoch_day BIGINT NOT NULL,
  -- the group loan that financed it, or NULL
  loan_id VARCHAR(64),
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, livelihood_id)
);

-- An activity's income readings in recording order; of two on one day the later stands.
CREATE TABLE programme_livelihood_reading (
  book_id VARCHAR(32) NOT NULL,
  livelihood_id VARCHAR(32) NOT NULL,
  reading_seq BIGINT NOT NULL CHECK (reading_seq > 0),
  reading_epoch_day BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  monthly_income_minor BIGINT NOT NULL CHECK (monthly_income_minor >= 0),
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, livelihood_id, reading_seq),
  FOREIGN KEY (book_id, livelihood_id) REFERENCES programme_livelihood (book_id, livelihood_id)
);

CREATE TABLE programme_outreach (
  unit_code VARCHAR(32) NOT NULL,
  outreach_id VARCHAR(24) NOT NULL,
  outreach_epoch_day BIGINT NOT NULL,
  kind VARCHAR(24) NOT NULL
    CHECK (kind IN ('OPEN_MIC', 'RALLY', 'STREET_PLAY', 'NEWSPAPER', 'PETITION', 'SIGNATURE_CAMPAIGN', 'WORKSHOP')),
  people_reached BIGINT NOT NULL CHECK (people_reached >= 0),
  -- NULL when no signatures were gathered
  signatures BIGINT CHECK (signatures >= 0),
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (unit_code, outreach_id)
);

-- The groups that held an event.
CREATE TABLE programme_outreach_group (
  unit_code VARCHAR(32) NOT NULL,
  outreach_id VARCHAR(24) NOT NULL,
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  PRIMARY KEY (unit_code, outreach_id, book_id),
  FOREIGN KEY (unit_code, outreach_id) REFERENCES programme_outreach (unit_code, outreach_id)
);

-- Version 11 (issue 18): the community safety register (org.shgledger.programme.Incidents).
-- Counts, never stories (docs/privacy.md): an incident is an opaque id, the day the group reported
-- it, a type from a fixed list, an age band, and the steps of its response. There is no column for
-- a name, a member, a place, an address or any free text, and none may be added: a test reads these
-- tables' columns and fails on one.
--
-- Append-only, with one exception: a purge (shg incident purge) deletes every incident of a book
-- with its events and referrals, and inserts a programme_incident_purge row with the counts. The
-- incident rows are therefore outside the registry chain (a purge would break it); the purge rows
-- are inside it (RegistryChain.Table.INCIDENT_PURGE), so that a purge cannot be hidden
-- (docs/store.md). Conventions as in V4: keyed by book first, dates as epoch days, enumerations by
-- their Java names.

CREATE TABLE programme_incident (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  incident_id VARCHAR(24) NOT NULL,
  incident_epoch_day BIGINT NOT NULL,
  incident_type VARCHAR(32) NOT NULL
    CHECK (incident_type IN ('RAPE', 'SEXUAL_ASSAULT', 'PHYSICAL_ASSAULT', 'FORCED_MARRIAGE',
      'DENIAL_OF_RESOURCES', 'PSYCHOLOGICAL_ABUSE', 'TRAFFICKING', 'CHILD_MARRIAGE_PREVENTED', 'MISSING_GIRL')),
  age_band VARCHAR(16) CHECK (age_band IN ('CHILD', 'ADOLESCENT', 'YOUNG_ADULT', 'ADULT')),
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, incident_id)
);

-- The steps of an incident's response in recording order; the first is its report.
CREATE TABLE programme_incident_event (
  book_id VARCHAR(32) NOT NULL,
  incident_id VARCHAR(24) NOT NULL,
  event_seq BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL CHECK (status IN ('REPORTED', 'REFERRED', 'IN_PROGRESS', 'CLOSED')),
  event_epoch_day BIGINT NOT NULL,
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, incident_id, event_seq),
  FOREIGN KEY (book_id, incident_id) REFERENCES programme_incident (book_id, incident_id)
);

CREATE TABLE programme_incident_referral (
  book_id VARCHAR(32) NOT NULL,
  incident_id VARCHAR(24) NOT NULL,
  event_seq BIGINT NOT NULL,
  service VARCHAR(32) NOT NULL
    CHECK (service IN ('POLICE', 'LEGAL_AID', 'HEALTH', 'SHELTER', 'PSYCHOSOCIAL', 'CHILD_WELFARE_COMMITTEE',
      'ANTI_TRAFFICKING_UNIT')),
  PRIMARY KEY (book_id, incident_id, event_seq, service),
  FOREIGN KEY (book_id, incident_id, event_seq) REFERENCES programme_incident_event (book_id, incident_id, event_seq)
);

-- One row per purge of a book's incidents, never deleted; in the registry chain.
CREATE TABLE programme_incident_purge (
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  purge_seq BIGINT NOT NULL,
  purge_epoch_day BIGINT NOT NULL,
  incidents_deleted BIGINT NOT NULL CHECK (incidents_deleted >= 0),
  events_deleted BIGINT NOT NULL CHECK (events_deleted >= 0),
  referrals_deleted BIGINT NOT NULL CHECK (referrals_deleted >= 0),
  recorded_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, purge_seq)
);

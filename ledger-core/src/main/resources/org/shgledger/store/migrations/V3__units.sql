-- Version 3: NGO units (clusters, federations, project units) and the groups in them
-- (docs/units.md). Portable SQL for SQLite and PostgreSQL, conventions as in V1 and V2.
--
-- Append-only: a unit renamed or moved gets a new row, a group put in another unit gets a new
-- row, and the row with the highest change_seq for a unit (or a group) is the current one; the
-- earlier ones are its history. change_seq numbers the rows of each table 1, 2, 3... across all
-- units. Two writers that read the same last number both insert the next one; the key refuses
-- the second, whose whole transaction then runs again (PostgreSQL) and checks its rules (no
-- cycle, one unit per group) against what the first wrote. On SQLite writers take turns anyway.

CREATE TABLE unit_version (
  change_seq BIGINT NOT NULL PRIMARY KEY CHECK (change_seq > 0),
  unit_code VARCHAR(32) NOT NULL,
  name VARCHAR(120) NOT NULL,
  -- NULL for a unit at the top
  parent_code VARCHAR(32),
  recorded_at VARCHAR(40) NOT NULL,
  CHECK (parent_code IS NULL OR parent_code <> unit_code)
);

CREATE INDEX unit_version_by_code ON unit_version (unit_code, change_seq);

CREATE TABLE unit_group (
  change_seq BIGINT NOT NULL PRIMARY KEY CHECK (change_seq > 0),
  book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
  unit_code VARCHAR(32) NOT NULL,
  recorded_at VARCHAR(40) NOT NULL
);

CREATE INDEX unit_group_by_book ON unit_group (book_id, change_seq);

CREATE INDEX unit_group_by_unit ON unit_group (unit_code);

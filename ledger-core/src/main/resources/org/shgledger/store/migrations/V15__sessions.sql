-- The coordinators' pages of shg serve (issue 16): the language each user reads them in, sign-in
-- sessions, failed sign-ins and the meeting forms already recorded. Kept in the database, as the
-- users are (V13), so that several servers over one PostgreSQL behave as one: a session opened on
-- one server is good on another, and a lock-out counted on one holds on all. Not books: no row
-- here is in the registry chain. Secrets are never stored: a session by its SHA-256. Times the
-- server compares are epoch milliseconds. Read and written by ledger-server (docs/server.md).
-- Portable SQL for SQLite and PostgreSQL.
-- en, hi or bn; null reads as en
ALTER TABLE server_user ADD COLUMN user_lang VARCHAR(2);
CREATE TABLE server_session (
  -- lower-case hex SHA-256 of the session id in the browser's cookie; the id itself is never stored
  session_sha256 CHAR(64) NOT NULL PRIMARY KEY,
  user_name VARCHAR(64) NOT NULL REFERENCES server_user (user_name),
  -- the token every form of the session carries back (CSRF)
  csrf_token VARCHAR(64) NOT NULL,
  created_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL,
  -- set by signing out; a session is good while this is null and expires_ms is ahead
  ended_ms BIGINT
);
CREATE INDEX server_session_by_user ON server_session (user_name);
-- Failed sign-ins by the name typed (whether or not such a user exists, so that the answer tells
-- nothing): how many since the window opened, and until when the name is locked.
CREATE TABLE server_sign_in_failure (
  user_name VARCHAR(64) NOT NULL PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start_ms BIGINT NOT NULL,
  locked_until_ms BIGINT
);
-- Meeting forms recorded, by the idempotency key the form carried: a second submit of the same
-- form is answered from here and records nothing.
CREATE TABLE server_form_submission (
  submission_key VARCHAR(64) NOT NULL PRIMARY KEY,
  user_name VARCHAR(64) NOT NULL,
  group_code VARCHAR(32) NOT NULL,
  recorded_ms BIGINT NOT NULL,
  summary VARCHAR(200) NOT NULL
);

-- The users of shg serve (issue 16): who may reach which books over HTTP, and the bearer tokens
-- they present. Kept in the books' database so that several servers over one PostgreSQL share them
-- and hold nothing in memory another needs. Users are not books: no row here is in the registry
-- chain (RegistryChain), since who may read the books is not part of what the books say, and an
-- NGO revokes and re-issues access without touching the evidence (docs/store.md). Secrets are
-- never stored: a token by its SHA-256, a password by its Argon2id hash. Read and written by
-- ledger-server over JDBC (docs/server.md). New tables only. Portable SQL for SQLite and PostgreSQL.
CREATE TABLE server_user (
  user_name VARCHAR(64) NOT NULL PRIMARY KEY,
  -- admin, coordinator, treasurer, auditor or donor
  user_role VARCHAR(16) NOT NULL,
  -- the coordinator's or donor's unit, the treasurer's group; at most one of the two
  unit_code VARCHAR(32),
  group_code VARCHAR(32),
  -- $argon2id$v=19$m=...,t=...,p=...$salt$hash, or null for a user with tokens only
  password_hash VARCHAR(200),
  created_at VARCHAR(40) NOT NULL,
  revoked_at VARCHAR(40),
  CHECK (unit_code IS NULL OR group_code IS NULL)
);
CREATE TABLE server_token (
  -- lower-case hex SHA-256 of the token a client presents; the token itself is shown once
  token_sha256 CHAR(64) NOT NULL PRIMARY KEY,
  user_name VARCHAR(64) NOT NULL REFERENCES server_user (user_name),
  created_at VARCHAR(40) NOT NULL,
  revoked_at VARCHAR(40)
);
CREATE INDEX server_token_by_user ON server_token (user_name);
-- Requests a role was refused (403): when, who, what; never a secret, a body or a query string.
CREATE TABLE server_audit (
  audit_id VARCHAR(40) NOT NULL PRIMARY KEY,
  at VARCHAR(40) NOT NULL,
  user_name VARCHAR(64) NOT NULL,
  user_role VARCHAR(16) NOT NULL,
  method VARCHAR(8) NOT NULL,
  route VARCHAR(120) NOT NULL,
  target VARCHAR(80) NOT NULL,
  reason VARCHAR(200) NOT NULL
);

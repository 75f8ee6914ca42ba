-- Books kept offline (issue 17, docs/sync.md): a field copy made by shg sync clone remembers the
-- server it came from and its groups, and keeps every operation recorded on it as a pending
-- operation until the server has answered it. A server's own books have no rows here. Never the
-- token: it is given to each sync command. Not books: no row here is in the registry chain (the
-- copy's books are replaced by the server's at each pull; these rows stay). Portable SQL.
CREATE TABLE sync_remote (
  book_id VARCHAR(32) NOT NULL PRIMARY KEY,
  -- the server's base URL, such as https://books.example.org
  server_url VARCHAR(500) NOT NULL,
  -- ISO-8601 instants of the clone and of the last pull
  cloned_at VARCHAR(40) NOT NULL,
  pulled_at VARCHAR(40) NOT NULL
);
-- One operation recorded on the field copy, in the order it was recorded (op_seq, across books).
-- Its entry id is the idempotency key the server finds repeats by; op_body is the JSON body of
-- POST /api/v1/groups/{group}/operations. state: PENDING, ACCEPTED or REFUSED.
CREATE TABLE sync_operation (
  op_seq BIGINT NOT NULL PRIMARY KEY,
  book_id VARCHAR(32) NOT NULL,
  op_key VARCHAR(200) NOT NULL,
  op_name VARCHAR(40) NOT NULL,
  op_body VARCHAR(4000) NOT NULL,
  recorded_at VARCHAR(40) NOT NULL,
  op_state VARCHAR(10) NOT NULL,
  -- the server's answer: whether it had it already, the named rejection and its message
  server_repeat INTEGER,
  rejection VARCHAR(60),
  reason VARCHAR(1000),
  answered_at VARCHAR(40),
  UNIQUE (book_id, op_key)
);
-- On the server: the refusals of pushed operations, by book and key, so that a copy of a refused
-- operation that arrives late (a request the network delayed, sent again by the client meanwhile)
-- gets the same refusal rather than being judged again against books that have since changed:
-- an operation the client was told is refused never lands afterwards.
CREATE TABLE sync_refusal (
  book_id VARCHAR(32) NOT NULL,
  op_key VARCHAR(200) NOT NULL,
  rejection VARCHAR(60) NOT NULL,
  reason VARCHAR(1000) NOT NULL,
  refused_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (book_id, op_key)
);

-- Version 5: every entry carries its kind and the member and loan it concerns, as data
-- (docs/store.md). The columns are filled for the entries already in the book by the
-- migration's Java step (LegacyKinds, from what the engine of their time wrote), the one time
-- the code writes to a row it did not insert. hash_version says which recipe an entry's hash
-- follows: 1, the old one, which does not cover the new columns (verify checks them against
-- LegacyKinds instead); 2, which covers them.

ALTER TABLE journal_entry ADD COLUMN entry_kind VARCHAR(32);

ALTER TABLE journal_entry ADD COLUMN member_id VARCHAR(32);

ALTER TABLE journal_entry ADD COLUMN loan_id VARCHAR(32);

ALTER TABLE journal_entry ADD COLUMN hash_version INTEGER NOT NULL DEFAULT 1;

-- No index on entry_kind: reports read a period's entries whole and look at each one's kind;
-- an index would cost every insert (a 100,000-line import) for no query that needs it.

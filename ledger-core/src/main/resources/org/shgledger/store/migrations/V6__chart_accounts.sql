-- Version 6: accounts added to the standard chart since books were first made (docs/engine.md):
-- 4400 Interest subvention. Every savings group's book gets those it lacks, so that the built-in
-- passbook rules and commands that name them work in books made before; a book that is no
-- group's (a plain journal) is left as it is. Portable SQL for SQLite and PostgreSQL.
INSERT INTO account (book_id, account_code, name, account_type, currency, control_code, balance_constraint)
SELECT b.book_id, '4400', 'Interest subvention', 'INCOME', b.currency, NULL, 'NONE'
FROM book b
WHERE EXISTS (SELECT 1 FROM savings_group g WHERE g.book_id = b.book_id)
  AND NOT EXISTS (SELECT 1 FROM account a WHERE a.book_id = b.book_id AND a.account_code = '4400');

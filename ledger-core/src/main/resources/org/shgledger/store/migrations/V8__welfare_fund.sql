-- Version 8: account 3200 Welfare fund in the standard chart (docs/engine.md): what members give,
-- beyond their savings, for the group to help a member in need; kept out of the share-out. Every
-- savings group's book gets it, limited like the new books' (its debits may not exceed its
-- credits: the fund pays no more than it holds). The migration's Java step records the new rows
-- in the registry chain (RegistryChain.chainUnrecorded). Portable SQL for SQLite and PostgreSQL.
INSERT INTO account (book_id, account_code, name, account_type, currency, control_code, balance_constraint)
SELECT b.book_id, '3200', 'Welfare fund', 'EQUITY', b.currency, NULL, 'DEBITS_MUST_NOT_EXCEED_CREDITS'
FROM book b
WHERE EXISTS (SELECT 1 FROM savings_group g WHERE g.book_id = b.book_id)
  AND NOT EXISTS (SELECT 1 FROM account a WHERE a.book_id = b.book_id AND a.account_code = '3200');

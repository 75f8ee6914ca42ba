/**
 * The double-entry journal: books ({@link org.shgledger.journal.Book}), accounts in a chart with
 * sub-ledgers ({@link org.shgledger.journal.Account}), and balanced, append-only entries ({@link
 * org.shgledger.journal.JournalEntry}) recorded through {@link org.shgledger.journal.Journal}.
 *
 * <p>Every journal, in memory ({@link org.shgledger.journal.InMemoryJournal}) or in a database
 * ({@code org.shgledger.store}), accepts and refuses exactly the same requests: each refusal is a
 * named {@link org.shgledger.journal.Rejection}, checked in a fixed order, and a refused request
 * changes nothing. Entries are never changed or deleted; a mistake is corrected by a reversing
 * entry. Readers that may not write get a {@link org.shgledger.journal.JournalReader}.
 * docs/journal.md gives the rules.
 */
package org.shgledger.journal;

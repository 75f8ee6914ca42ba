/**
 * The durable journal: the {@link org.shgledger.journal.Journal} kept in SQLite (one file, the
 * embedded default) or PostgreSQL (servers), with the exact behaviour of the in-memory journal,
 * a hash chain per book that {@link org.shgledger.store.JdbcJournal#verify verify} checks, and
 * versioned schema migrations.
 *
 * <p>Start at {@link org.shgledger.store.JournalStore}. docs/store.md describes the schema, the
 * hash chain's canonical encoding, concurrency and crash safety.
 */
package org.shgledger.store;

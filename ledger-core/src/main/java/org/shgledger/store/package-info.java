/**
 * The durable store: a group's whole books in SQLite (one file, the embedded default) or
 * PostgreSQL (servers). The {@link org.shgledger.journal.Journal} behaves exactly as the
 * in-memory journal and keeps a hash chain per book that {@link
 * org.shgledger.store.JdbcJournal#verify verify} checks; the {@link
 * org.shgledger.group.GroupRegistry} (groups, members, office bearers, meetings, loans) is kept
 * beside it on the same connection; the schema carries versioned migrations.
 *
 * <p>Start at {@link org.shgledger.store.LedgerStore}. docs/store.md describes the schema, the
 * hash chain's canonical encoding, concurrency and crash safety.
 */
package org.shgledger.store;

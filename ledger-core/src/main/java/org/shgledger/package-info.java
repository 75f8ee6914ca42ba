/**
 * shg-ledger: a double-entry ledger and savings-group engine for Self Help Groups. This package
 * holds {@link org.shgledger.LedgerException}, the base of the errors raised when a request breaks
 * a rule of the books (the journal's, the engine's, an import's, the store's), so that an
 * application tells a user's mistake from a fault with one {@code catch}.
 *
 * <p>Packages are named after the concepts they hold: {@link org.shgledger.money} (amounts,
 * rounding, allocation, reading and writing amounts), {@link org.shgledger.journal} (books,
 * accounts and the append-only journal of balanced entries), {@link org.shgledger.group} (the
 * savings-group engine), {@link org.shgledger.loan} (loan terms and schedules), {@link
 * org.shgledger.importing} (passbooks and registers), {@link org.shgledger.report} (reports),
 * {@link org.shgledger.unit} (federations and clusters), {@link org.shgledger.programme} (programme
 * registers and indicators) and {@link org.shgledger.store} (SQLite and PostgreSQL).
 */
package org.shgledger;

/**
 * For implementers of {@link org.shgledger.journal.Journal}, not for applications: {@link
 * org.shgledger.journal.spi.JournalRules}, the one rule checker every journal calls before it
 * writes, and {@link org.shgledger.journal.spi.JournalView}, the part of a journal's state the
 * rules read.
 *
 * <p><b>Not API.</b> The module {@code org.shgledger.core} does not export this package. The
 * journals that implement it (the in-memory one and the SQLite and PostgreSQL ones in {@code
 * org.shgledger.store}) live in the same module, so the rules can change with them; an application
 * uses a journal through {@link org.shgledger.journal.Journal} and never needs these.
 */
package org.shgledger.journal.spi;

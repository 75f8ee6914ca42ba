/**
 * Importing a group's paper registers, typed into CSV: the member roster ({@link
 * org.shgledger.importing.register.RosterImport}), the opening balances of a group that moves
 * from paper books mid-life ({@link org.shgledger.importing.register.OpeningImport}) and the
 * meeting register ({@link org.shgledger.importing.register.MeetingImport}).
 *
 * <p>Each import checks the whole file first and reports every problem with its line and column;
 * only a file without problems is recorded, through the engine, in one unit of work. Ids come from
 * the register's own keys, so importing the same file again records nothing. docs/import.md gives
 * the columns.
 */
package org.shgledger.importing.register;

/**
 * Importing what treasurers already have, safely: bank passbook exports, member rosters, meeting
 * registers. This package holds what every importer shares: {@link
 * org.shgledger.importing.CsvTable} (a strict, limited, streaming CSV reader over Apache Commons
 * CSV), {@link org.shgledger.importing.ImportProblem} and {@link
 * org.shgledger.importing.ImportException} (every error with {@code file:line:column} and a
 * reason), {@link org.shgledger.importing.ImportProblems} (the problems one run collects) and
 * {@link org.shgledger.importing.ImportLimits}. Amounts are read by {@link
 * org.shgledger.money.MoneyFormats#parse}, the one place money is read and written.
 *
 * <p>Every importer is all or nothing: it reads and checks the whole file first and writes only
 * when there is no problem. The importers are in {@code importing.passbook} and {@code
 * importing.register}; {@code importing.books} imports a meeting register and a passbook
 * together, in date order. docs/import.md describes the formats.
 */
package org.shgledger.importing;

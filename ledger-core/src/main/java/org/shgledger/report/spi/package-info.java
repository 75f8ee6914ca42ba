/**
 * For the stores, not for applications: {@link org.shgledger.report.spi.StatementFigures}, the
 * one rule by which an entry counts in the group statement's receipts and payments and its income
 * and expenditure, which the reports fold over a period's entries and a store keeps per month
 * beside the journal; and {@link org.shgledger.report.spi.StatementMonths}, the month rows a store
 * offers the reports so that a statement of whole months reads no entries.
 *
 * <p><b>Not API.</b> The module {@code org.shgledger.core} does not export this package: the
 * reports and the SQLite and PostgreSQL store ({@code org.shgledger.store}) live in the same
 * module and change together.
 */
package org.shgledger.report.spi;

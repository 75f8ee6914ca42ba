/**
 * Reports: the group statement, a member's passbook, an account's ledger and the loan portfolio,
 * as immutable records computed from a group's journal and registry. No formatting happens here:
 * the records hold {@link org.joda.money.Money} amounts, dates and ids, and a renderer (text, CSV,
 * JSON, HTML) turns them into pages. {@link org.shgledger.report.Reports} builds the group
 * statement, passbook, account ledger and loan portfolio; {@link
 * org.shgledger.report.LoanLedgerBuilder} one loan's ledger and {@link
 * org.shgledger.report.MonthEndBalancesBuilder} the month-end series of the statement's chart;
 * docs/reports.md states every rule (categories, reversals, year-end closings, attendance, PAR30,
 * demand–collection–balance).
 */
package org.shgledger.report;

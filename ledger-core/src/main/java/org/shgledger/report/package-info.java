/**
 * Reports: the group statement, a member's passbook, an account's ledger and the loan portfolio,
 * as immutable records computed from a group's journal and registry. No formatting happens here:
 * the records hold {@link org.joda.money.Money} amounts, dates and ids, and a renderer (text, CSV,
 * JSON, HTML) turns them into pages. {@link org.shgledger.report.Reports} is the entry point;
 * docs/reports.md states every rule (categories, reversals, year-end closings, attendance, PAR30,
 * demand–collection–balance).
 */
package org.shgledger.report;

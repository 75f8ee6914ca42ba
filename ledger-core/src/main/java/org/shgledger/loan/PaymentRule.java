package org.shgledger.loan;

/**
 * How a loan's payments beyond what is due, and its settlement, are split. A loan keeps the rule
 * it was paid out under, so that the payments recorded on it always split as their journal
 * entries did.
 */
public enum PaymentRule {
  /**
   * Before issue 14: what is left after everything due pays the coming instalments in advance as
   * scheduled, interest included, and settling a loan pays the rest of the schedule (an open loan's
   * month in progress in full). Loans in books recorded before it keep it.
   */
  SCHEDULE_AHEAD,
  /**
   * Issue 14, for every loan paid out since: interest for the time used only. What is left after
   * everything due pays the period in progress's interest, then principal; a settlement pays the
   * period in progress pro rata by days, and nothing for periods not reached (docs/loans.md).
   */
  TIME_USED
}

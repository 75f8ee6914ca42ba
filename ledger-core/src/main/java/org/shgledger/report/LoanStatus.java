package org.shgledger.report;

/** Where a loan stands on the portfolio's day. */
public enum LoanStatus {
  /** Owing, with nothing overdue. */
  CURRENT,
  /** An instalment (an open loan: a month's interest) is unpaid after its due date. */
  OVERDUE,
  /** Nothing more will ever be owed: principal, interest and fines all paid. */
  CLOSED
}

package org.shgledger.loan;

/**
 * What a flat loan settled early charges for the periods not yet reached. Declining-balance loans
 * never charge them: their interest runs on the balance for the time used.
 */
public enum FlatEarlyInterest {
  /**
   * The default: interest up to the settlement date only (the period in progress pro rata by
   * days), as for a declining-balance loan. RBI's microfinance rules forbid prepayment penalties.
   */
  NONE,
  /** The flat interest of every remaining period is charged, as the schedule says. */
  FULL
}
